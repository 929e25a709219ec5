"use client";

/** The next rows could not be fetched: the previous ones stay, and the viewer can ask again. */
export function LoadFailed({ retry }: { retry: () => void }) {
  return (
    <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      These rows could not be loaded.{" "}
      <button type="button" onClick={retry} className="font-medium underline">
        Try again
      </button>
    </p>
  );
}

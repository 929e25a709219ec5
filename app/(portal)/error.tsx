"use client";

import { Button } from "@/components/ui/button";

/** A page that failed to load: nothing was changed, and trying again may well work. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-center">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-red-800">
        Nothing was changed. Try again; if it keeps failing, tell your administrator
        {error.digest ? ` the reference ${error.digest}` : ""}.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

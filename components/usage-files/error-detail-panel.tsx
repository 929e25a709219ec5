import type { ErrorDetail } from "@/lib/domain/error-detail";
import { defaultRecordErrorMessages } from "@/lib/domain/record-errors";

/** Why an Invalid file is invalid: the workbook's problem, or a summary of its records' errors. */
export function ErrorDetailPanel({ detail, processedHref }: { detail: ErrorDetail; processedHref: string }) {
  return (
    <section aria-label="Errors" className="rounded-lg border border-red-200 bg-red-50 p-5 text-sm text-red-900">
      {detail.kind === "workbook" ? (
        <>
          <h2 className="mb-2 font-semibold">The spreadsheet could not be used</h2>
          <ul className="list-disc space-y-1 pl-5">
            {detail.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
          <p className="mt-3 text-red-800">
            Fix the file and upload it again; the records shown before stay until then.
          </p>
        </>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">
              {detail.summary.invalidRecords.toLocaleString("en-US")} invalid record
              {detail.summary.invalidRecords === 1 ? "" : "s"} ({detail.summary.total.toLocaleString("en-US")} error
              {detail.summary.total === 1 ? "" : "s"})
            </h2>
            <a href={processedHref} className="font-medium text-red-800 underline">
              Download the spreadsheet with the errors marked
            </a>
          </div>
          <ul className="mb-3 flex flex-wrap gap-2">
            {Object.entries(detail.summary.byCode).map(([code, count]) => (
              <li
                key={code}
                className="rounded bg-white px-2 py-1 ring-1 ring-red-200"
                title={defaultRecordErrorMessages[code as keyof typeof defaultRecordErrorMessages]}
              >
                {code.replaceAll("_", " ")}: {count}
              </li>
            ))}
          </ul>
          <table className="w-full text-left">
            <thead className="text-xs uppercase text-red-700">
              <tr>
                <th className="py-1 pr-3 font-medium">Row</th>
                <th className="py-1 pr-3 font-medium">Column</th>
                <th className="py-1 font-medium">Error</th>
              </tr>
            </thead>
            <tbody>
              {detail.summary.first.slice(0, 20).map((error, index) => (
                <tr key={index} className="border-t border-red-100">
                  <td className="py-1 pr-3 tabular-nums">{error.row}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{error.column}</td>
                  <td className="py-1">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

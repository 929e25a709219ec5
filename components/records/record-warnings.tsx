import Link from "next/link";
import type { UsageWarning, UsageWarningCode } from "@/lib/domain/usage-warnings";

/** A record's warnings, each with a link to the file of the record it was found against. */
export function RecordWarnings({
  warnings,
  fileHref,
  labels,
}: {
  warnings: UsageWarning[];
  fileHref: string;
  labels: Record<UsageWarningCode, string>;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className="min-w-64 max-w-sm space-y-1 text-xs text-amber-800">
      {warnings.map((warning) => (
        <li key={warning.code}>
          <span className="font-medium">{labels[warning.code]}:</span> {warning.message}{" "}
          <Link
            className="whitespace-nowrap text-brand-700 underline"
            href={`${fileHref}/${encodeURIComponent(warning.otherFileId)}`}
          >
            Open {warning.otherFileId}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";
import { usageWarningCodes, usageWarningLabels, type WarningCounts as Counts } from "@/lib/domain/usage-warnings";

/**
 * How many records carry each warning, from the counts stored with the file; each count opens the
 * record grid filtered to those records.
 */
export function WarningCounts({ counts }: { counts: Counts }) {
  return (
    <section aria-label="Warnings">
      <p className="mb-2 text-sm text-slate-600">
        Records that may bill usage twice. They stay valid: check them before submitting or deciding.
      </p>
      <dl className="grid gap-3 sm:grid-cols-3">
        {usageWarningCodes.map((code) => (
          <div key={code} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs font-medium uppercase text-slate-500">{usageWarningLabels[code]}</dt>
            <dd
              className={`text-xl font-semibold tabular-nums ${counts[code] > 0 ? "text-amber-700" : "text-slate-900"}`}
            >
              {counts[code] > 0 ? (
                <Link className="underline" href={`?warning=${code}#records`}>
                  {counts[code].toLocaleString("en-US")}
                </Link>
              ) : (
                0
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

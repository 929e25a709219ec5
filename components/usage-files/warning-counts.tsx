import { usageWarningCodes, usageWarningLabels, type WarningCounts as Counts } from "@/lib/domain/usage-warnings";
import { CountCards } from "./count-cards";

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
      <CountCards
        className="sm:grid-cols-3"
        cards={usageWarningCodes.map((code) => ({
          key: code,
          label: usageWarningLabels[code],
          count: counts[code],
          href: `?warning=${code}#records`,
        }))}
      />
    </section>
  );
}

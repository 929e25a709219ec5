import { formatDate } from "@/lib/format";

/** A subscription's active window in UTC days, an open end as "…". */
export function ActiveWindow({ from, to }: { from: Date | null; to: Date | null }) {
  return (
    <span className="whitespace-nowrap">
      {from ? formatDate(from) : "…"} – {to ? formatDate(to) : "…"}
    </span>
  );
}

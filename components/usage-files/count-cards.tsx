import Link from "next/link";

export interface CountCard {
  key: string;
  label: string;
  count: number;
  /** Where a count above zero leads, such as the record grid filtered to those records. */
  href?: string;
}

/** Counts of what a reviewer should look at, each highlighted when above zero. */
export function CountCards({ cards, className }: { cards: readonly CountCard[]; className: string }) {
  return (
    <dl className={`grid gap-3 ${className}`}>
      {cards.map((card) => (
        <div key={card.key} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs font-medium uppercase text-slate-500">{card.label}</dt>
          <dd className={`text-xl font-semibold tabular-nums ${card.count > 0 ? "text-amber-700" : "text-slate-900"}`}>
            {card.count > 0 && card.href ? (
              <Link className="underline" href={card.href}>
                {card.count.toLocaleString("en-US")}
              </Link>
            ) : (
              card.count.toLocaleString("en-US")
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

"use client";

import { useUrlState } from "./use-url-state";

const formatCount = new Intl.NumberFormat("en-US").format;

/** URL changes that lead to a neighbouring page; a missing one is a page that does not exist. */
export interface PagerMoves {
  first?: Record<string, string | null>;
  previous?: Record<string, string | null>;
  next?: Record<string, string | null>;
  last?: Record<string, string | null>;
}

/** How far a table's rows go: what this page shows of how many, exact or counted up to a limit. */
export interface PagerCounts {
  /** Position (1-based) of the page's first row; null when unknown (a hand-made link). */
  start: number | null;
  shown: number;
  total: number;
  totalIsLowerBound: boolean;
}

/** `10,000+` when counting stopped at the limit. */
export function formatTotal({ total, totalIsLowerBound }: Pick<PagerCounts, "total" | "totalIsLowerBound">): string {
  return `${formatCount(total)}${totalIsLowerBound ? "+" : ""}`;
}

function rangeText(counts: PagerCounts): string {
  if (counts.shown === 0) return "No rows";
  const of = `of ${formatTotal(counts)}`;
  if (counts.start === null) return `${formatCount(counts.shown)} rows ${of}`;
  return `Rows ${formatCount(counts.start)}–${formatCount(counts.start + counts.shown - 1)} ${of}`;
}

/** "Rows 101–125 of 100,000", first / previous / next / last, and rows per page; every move writes the URL. */
export function Pager({
  counts,
  moves,
  size,
  sizes,
}: {
  counts: PagerCounts;
  moves: PagerMoves;
  size: number;
  sizes: readonly number[];
}) {
  const { update } = useUrlState();
  const button = (label: string, patch: Record<string, string | null> | undefined) => (
    <button
      type="button"
      disabled={!patch}
      onClick={() => patch && update(patch, { keepPosition: true })}
      className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40"
    >
      {label}
    </button>
  );

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 pt-3 text-sm text-slate-600">
      <span aria-live="polite">{rangeText(counts)}</span>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          Rows per page
          <select
            value={size}
            onChange={(event) => update({ size: event.target.value })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {sizes.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        {button("First", moves.first)}
        {button("Previous", moves.previous)}
        {button("Next", moves.next)}
        {button("Last", moves.last)}
      </div>
    </nav>
  );
}

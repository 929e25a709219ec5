"use client";

import { PagerButton, PageSizeSelect } from "./page-pagination";
import { useUrlState } from "./use-url-state";

const formatCount = new Intl.NumberFormat("en-US").format;

/**
 * Paging by position (`after`/`before` a row) instead of by page number: every page of a million
 * rows costs the same. The total is exact, or a lower bound when counting stopped early.
 */
export function KeysetPagination({
  total,
  totalIsLowerBound,
  shown,
  size,
  next,
  previous,
}: {
  total: number;
  totalIsLowerBound: boolean;
  shown: number;
  size: number;
  next: string | null;
  previous: string | null;
}) {
  const { update } = useUrlState();
  const goTo = (patch: Record<string, string | null>) => update(patch, { keepPosition: true });

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 pt-3 text-sm text-slate-600">
      <span>
        {formatCount(shown)} shown of {totalIsLowerBound ? "more than " : ""}
        {formatCount(total)}
      </span>
      <div className="flex items-center gap-2">
        <PageSizeSelect size={size} />
        <PagerButton label="First" disabled={!previous} onClick={() => goTo({ after: null, before: null })} />
        <PagerButton label="Previous" disabled={!previous} onClick={() => goTo({ after: null, before: previous })} />
        <PagerButton label="Next" disabled={!next} onClick={() => goTo({ after: next, before: null })} />
      </div>
    </nav>
  );
}

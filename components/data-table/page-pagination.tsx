"use client";

import { pageSizes } from "@/lib/domain/table-query";
import { useUrlState } from "./use-url-state";

const formatCount = new Intl.NumberFormat("en-US").format;

/** Numbered pages over a counted result: "26–50 of 120", previous/next, rows per page. */
export function PagePagination({ page, size, total }: { page: number; size: number; total: number }) {
  const { update } = useUrlState();
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const goTo = (target: number) => update({ page: target > 1 ? String(target) : null }, { keepPosition: true });

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 pt-3 text-sm text-slate-600">
      <span>
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <div className="flex items-center gap-2">
        <PageSizeSelect size={size} />
        <PagerButton label="Previous" disabled={page <= 1} onClick={() => goTo(page - 1)} />
        <span>
          Page {page} of {pages}
        </span>
        <PagerButton label="Next" disabled={page >= pages} onClick={() => goTo(page + 1)} />
      </div>
    </nav>
  );
}

/** Rows per page; changing it starts again from the first page. */
export function PageSizeSelect({ size }: { size: number }) {
  const { update } = useUrlState();
  return (
    <label className="flex items-center gap-2">
      Rows per page
      <select
        value={size}
        onChange={(event) => update({ size: event.target.value })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {pageSizes.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

export function PagerButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40"
    >
      {label}
    </button>
  );
}

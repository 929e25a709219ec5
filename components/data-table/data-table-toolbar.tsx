"use client";

import { useEffect, useRef, useState } from "react";
import { useUrlState } from "./use-url-state";

export interface ChoiceFilter {
  kind: "choice";
  param: string;
  label: string;
  options: { value: string; label: string }[];
}

/** A checkbox that sets `param=1`, such as "invalid only". */
export interface ToggleFilter {
  kind: "toggle";
  param: string;
  label: string;
}

/** A free value typed by the viewer: a month, a date, a number, an id; applied on Enter or leaving the field. */
export interface InputFilter {
  kind: "input";
  param: string;
  label: string;
  type: "month" | "date" | "number" | "text";
  /** What the field shows while the URL has no value: the default the server applies then. */
  fallback?: string;
}

export type FilterDefinition = ChoiceFilter | ToggleFilter | InputFilter;

const controlClass = "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Search and filters above a server-driven table; every change goes to the URL. */
export function DataTableToolbar({ searchLabel, filters }: { searchLabel?: string; filters: FilterDefinition[] }) {
  const { params, update } = useUrlState();
  const active = filters.some((filter) => params.get(filter.param)) || Boolean(params.get("q"));

  return (
    <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
      {searchLabel && <SearchBox label={searchLabel} initial={params.get("q") ?? ""} onSearch={(q) => update({ q })} />}
      {filters.map((filter) => (
        <FilterControl
          key={filter.param}
          filter={filter}
          value={params.get(filter.param) ?? (filter.kind === "input" ? filter.fallback : undefined) ?? ""}
          onChange={(value) => update({ [filter.param]: value })}
        />
      ))}
      {active && (
        <button
          type="button"
          className="py-1.5 text-brand-700 hover:underline"
          onClick={() => update(Object.fromEntries([...filters.map((f) => [f.param, null]), ["q", null]]))}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}

/** Searches 350 ms after the last keystroke, or at once on Enter or on leaving the box. */
function SearchBox({ label, initial, onSearch }: { label: string; initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  // The URL's search changed elsewhere (Clear filters, Back): the box shows it, not the old text.
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setText(initial);
  }
  const waiting = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (text === initial) return;
    waiting.current = setTimeout(() => onSearch(text.trim()), 350);
    return () => clearTimeout(waiting.current);
  }, [text, initial, onSearch]);
  // Leaving the box applies the search at once, and nothing is left waiting: a search landing
  // while a link the viewer clicked is loading would cancel that navigation.
  const applyNow = () => {
    clearTimeout(waiting.current);
    if (text !== initial) onSearch(text.trim());
  };
  return (
    <label className="flex max-w-full flex-col gap-1 font-medium text-slate-700">
      {label}
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === "Enter" && applyNow()}
        onBlur={applyNow}
        className={`${controlClass} w-64 font-normal`}
      />
    </label>
  );
}

function FilterControl({
  filter,
  value,
  onChange,
}: {
  filter: FilterDefinition;
  value: string;
  onChange: (value: string | null) => void;
}) {
  switch (filter.kind) {
    case "choice":
      return (
        <label className="flex max-w-full flex-col gap-1 font-medium text-slate-700">
          {filter.label}
          <select
            value={value}
            onChange={(event) => onChange(event.target.value || null)}
            className={`${controlClass} font-normal`}
          >
            <option value="">All</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      );
    case "toggle":
      return (
        <label className="flex items-center gap-2 py-1.5 font-medium text-slate-700">
          <input
            type="checkbox"
            checked={value === "1"}
            onChange={(event) => onChange(event.target.checked ? "1" : null)}
          />
          {filter.label}
        </label>
      );
    case "input":
      return (
        <label className="flex max-w-full flex-col gap-1 font-medium text-slate-700">
          {filter.label}
          <input
            // A new value in the URL (Clear filters, Back) starts the field again from it.
            key={value}
            type={filter.type}
            defaultValue={value}
            onBlur={(event) => event.target.value !== value && onChange(event.target.value || null)}
            onKeyDown={(event) => event.key === "Enter" && onChange(event.currentTarget.value || null)}
            className={`${controlClass} w-40 font-normal`}
          />
        </label>
      );
  }
}

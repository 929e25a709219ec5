"use client";

import { useState } from "react";

/**
 * An id to paste elsewhere (`UR-…` into "Close records by id"): selected whole by one click, and
 * copied by its button where the browser allows the clipboard (secure pages).
 */
export function CopyableId({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => setCopied(false),
    );
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span className="select-all font-mono text-xs">{value}</span>
      <button
        type="button"
        onClick={copy}
        aria-label={`${copied ? "Copied" : "Copy"} ${value}`}
        className="rounded px-1 text-xs text-brand-700 hover:bg-brand-50"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}

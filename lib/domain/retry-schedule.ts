/** The waits before a failed webhook delivery's retries (WEBHOOK_RETRY_SCHEDULE). */
const durationUnits = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `5s,5m,30m,2h` → the waits in milliseconds before each retry; null when any part is not a duration. */
export function parseRetrySchedule(text: string): number[] | null {
  const parts = text.split(",").map((part) => part.trim());
  const waits = parts.map((part) => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(part);
    if (!match) return null;
    const amount = Number(match[1]);
    return match[2] === "ms" ? amount : amount * durationUnits[match[2] as keyof typeof durationUnits];
  });
  return waits.length > 0 && waits.every((wait) => wait !== null) ? (waits as number[]) : null;
}

export const defaultRetrySchedule = "5s,5m,30m,2h,5h,10h,10h";

"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayTotalsRow, ItemTotalsRow } from "@/lib/domain/usage-stats";

// Record counts only: they are whole numbers. Quantities stay exact text, in the tables.
const palette = ["#2563eb", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];

/** One row per day with each item's record count, as a stacked bar chart wants it. */
function recordsPerDay(byDay: readonly DayTotalsRow[]) {
  const days = new Map<string, Record<string, number | string>>();
  for (const { day, itemId, records } of byDay) {
    const row = days.get(day) ?? { day: day.slice(5) };
    row[itemId] = records;
    days.set(day, row);
  }
  return [...days.values()];
}

export function UsageCharts({
  byItem,
  byDay,
  itemNames,
}: {
  byItem: readonly ItemTotalsRow[];
  byDay: readonly DayTotalsRow[] | undefined;
  itemNames: Record<string, string>;
}) {
  const nameOf = (itemId: string) => itemNames[itemId] ?? itemId;
  const items = byItem.map((item) => ({ name: nameOf(item.itemId), records: item.records }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure>
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Records per item</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={items} layout="vertical" margin={{ left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="records" name="Records" fill={palette[0]} maxBarSize={36} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure>
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Records per day (UTC), by item</figcaption>
        {byDay ? (
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={recordsPerDay(byDay)}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {byItem.map((item, index) => (
                <Bar
                  key={item.itemId}
                  dataKey={item.itemId}
                  name={nameOf(item.itemId)}
                  stackId="items"
                  fill={palette[index % palette.length]}
                  maxBarSize={36}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="text-sm text-slate-500">This file was processed before daily totals were kept.</p>
        )}
      </figure>
    </div>
  );
}

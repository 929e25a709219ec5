"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { DailyBar, DailySeries, UsageCharts as UsageChartData } from "@/lib/domain/usage-charts";

const palette = ["#2563eb", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

type PlottedBar = DailyBar & { height: number; dayOfMonth: string };

/** The hovered day's exact figure with its unit, as the totals tables write it. */
function DayTooltip({ active, payload }: TooltipContentProps) {
  const bar = payload?.[0]?.payload as PlottedBar | undefined;
  if (!active || !bar) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs shadow-sm">
      <div className="text-slate-500">{bar.day} (UTC)</div>
      <div className="font-mono font-medium text-slate-900">{bar.label}</div>
    </div>
  );
}

/** One series per day: a bar per UTC day of the file's period, titled with its unit and total. */
function DailyChart({ series, color }: { series: DailySeries; color: string }) {
  // Bar heights go through a float to be drawn; every figure a reader sees is the exact text.
  const data: PlottedBar[] = series.bars.map((bar) => ({
    ...bar,
    height: Number(bar.value),
    dayOfMonth: bar.day.slice(8),
  }));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium text-slate-700">
          {series.title} per day <span className="font-normal text-slate-500">({series.unit})</span>
        </span>
        <span className="font-mono text-xs text-slate-600">Total {series.total}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="dayOfMonth" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={6} />
          <YAxis width={44} tick={{ fontSize: 11 }} tickFormatter={(value: number) => compact.format(value)} />
          <Tooltip content={DayTooltip} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="height" name={series.title} fill={color} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * The file's usage per UTC day: the amount (when the records carry one) and each item's quantity
 * in its own chart, since quantities in different units are never stacked or added.
 */
export function UsageCharts({ charts, period }: { charts: UsageChartData | null; period: string }) {
  if (!charts) return <p className="text-sm text-slate-500">This file was processed before daily totals were kept.</p>;
  if (charts.quantities.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">UTC days of {period}, by each record&apos;s start.</p>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {charts.amounts && <DailyChart series={charts.amounts} color="#0f172a" />}
        {charts.quantities.map((series, index) => (
          <DailyChart key={series.itemId} series={series} color={palette[index % palette.length]!} />
        ))}
      </div>
      {charts.omitted > 0 && (
        <p className="text-xs text-slate-500">
          The {charts.omitted.toLocaleString("en-US")} smallest day totals are left out; the export has every record.
        </p>
      )}
    </div>
  );
}

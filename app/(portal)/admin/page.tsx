import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeriodUsageCard } from "@/components/review/period-usage";
import { PageHeader } from "@/components/ui/page-header";
import { firstValues } from "@/lib/domain/table-query";
import { dashboardPeriod } from "@/lib/domain/usage-aggregates";
import { requireRole } from "@/lib/server/actor";
import { platformCounts, type PlatformCounts } from "@/lib/server/queries/platform";
import { listPeriodUsage } from "@/lib/server/queries/usage-aggregates";

export const metadata: Metadata = { title: "Administration" };

const labels: Record<keyof PlatformCounts, string> = {
  accounts: "Accounts",
  users: "Users",
  contracts: "Contracts",
  products: "Products",
  subscriptions: "Subscriptions",
  usageFiles: "Usage files",
};

/** Where each figure is managed; usage files belong to their vendors and distributors. */
const pages: Partial<Record<keyof PlatformCounts, string>> = {
  accounts: "/admin/accounts",
  users: "/admin/users",
  contracts: "/admin/contracts",
  products: "/admin/products",
  subscriptions: "/admin/subscriptions",
};

export default async function AdminHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("admin");
  const period = dashboardPeriod(firstValues(await searchParams).period, new Date());
  const [counts, usage] = await Promise.all([platformCounts(actor), listPeriodUsage(actor, period)]);
  if (!counts) notFound();
  return (
    <>
      <PageHeader title="Platform overview" subtitle="Accounts, users, contracts and the catalog" />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        {(Object.keys(labels) as (keyof PlatformCounts)[]).map((key) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium uppercase text-slate-500">
              {pages[key] ? (
                <Link href={pages[key]} className="hover:text-brand-700">
                  {labels[key]}
                </Link>
              ) : (
                labels[key]
              )}
            </dt>
            <dd className="mt-1 text-2xl font-semibold">{counts[key]}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <PeriodUsageCard usage={usage} />
      </div>
    </>
  );
}

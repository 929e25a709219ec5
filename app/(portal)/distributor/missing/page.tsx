import type { Metadata } from "next";
import { requireRole } from "@/lib/server/actor";
import { MissingUsagePage, missingUsageTitle } from "../../missing-usage-page";

export const metadata: Metadata = { title: missingUsageTitle };

export default async function DistributorMissingUsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("distributor");
  return <MissingUsagePage actor={actor} role="distributor" searchParams={await searchParams} />;
}

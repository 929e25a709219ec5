import "server-only";
import type { NumberedPage } from "@/components/data-table/paged-table";
import { recordGridPage, type RecordGridPage } from "@/components/records/record-grid-page";
import { usageFileListRow, type UsageFileListRow } from "@/components/usage-files/usage-file-list-row";
import { eventListQuery, userListQuery } from "@/lib/domain/admin-query";
import { missingUsageListQuery, type MissingUsage, type MissingUsageListQuery } from "@/lib/domain/missing-usage";
import { subscriptionListQuery } from "@/lib/domain/subscription-query";
import { pageSizes } from "@/lib/domain/table-query";
import { dashboardPeriod } from "@/lib/domain/usage-aggregates";
import { usageFileListQuery } from "@/lib/domain/usage-file-query";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { requireActor } from "@/lib/server/actor";
import { listEvents, type AuditEventRow } from "@/lib/server/queries/admin-audit";
import { listMissingUsage } from "@/lib/server/queries/missing-usage";
import { listSubscriptions, type SubscriptionRow } from "@/lib/server/queries/subscriptions";
import { listUsers, type AdminUserRow } from "@/lib/server/queries/admin-users";
import { listUsageFiles } from "@/lib/server/queries/usage-files";
import { listUsageRecords } from "@/lib/server/queries/usage-records";
import { queryValues } from "@/lib/table-url";

// The rows of each server-paged table for a rows query (`rowsQuery` of its URL): the server pages
// render their first rows with these, and the tables fetch every later page, sort or filter
// through them (`./[table]/route.ts`), so both go through the same use case, scoped by the actor,
// on every call.

function numbered<Row>(
  query: { page: number; size: number; sort: { column: string; desc: boolean } },
  rows: Row[],
  total: number,
): NumberedPage<Row> {
  return { rows, total, page: query.page, size: query.size, sizes: pageSizes, sort: query.sort };
}

/** A usage file's records for the record grid; null when the file is gone or not the actor's to see. */
export async function usageRecordRows(usageFileId: string, query: string): Promise<RecordGridPage | null> {
  const actor = await requireActor();
  const parsed = usageRecordListQuery.parse(queryValues(query));
  const listed = await listUsageRecords(actor, usageFileId, parsed);
  return listed && recordGridPage(listed.page, parsed);
}

/** The usage files the actor sees: the vendor's own, or those submitted to the distributor. */
export async function usageFileRows(query: string): Promise<NumberedPage<UsageFileListRow>> {
  const actor = await requireActor();
  const parsed = usageFileListQuery.parse(queryValues(query));
  const { rows, total } = await listUsageFiles(actor, parsed);
  const party = actor.role === "vendor" ? "distributor" : "vendor";
  return numbered(
    parsed,
    rows.map((file) => usageFileListRow(file, party)),
    total,
  );
}

export async function userRows(query: string): Promise<NumberedPage<AdminUserRow>> {
  const parsed = userListQuery.parse(queryValues(query));
  const { rows, total } = await listUsers(await requireActor(), parsed);
  return numbered(parsed, rows, total);
}

export async function subscriptionRows(query: string): Promise<NumberedPage<SubscriptionRow>> {
  const parsed = subscriptionListQuery.parse(queryValues(query));
  const { rows, total } = await listSubscriptions(await requireActor(), parsed);
  return numbered(parsed, rows, total);
}

/**
 * The month's subscriptions without usage the actor counts; without a month in the URL, the last
 * full one (`missingUsagePeriod`), as the page shows it.
 */
export async function missingUsageRows(query: string): Promise<NumberedPage<MissingUsage>> {
  const parsed = missingUsageListQuery.parse(queryValues(query));
  const { page, size, sort, product, contract } = parsed;
  const filters = { period: missingUsagePeriod(parsed), product, contract, sort };
  const { rows, total } = await listMissingUsage(await requireActor(), filters, {
    limit: size,
    offset: (page - 1) * size,
  });
  return numbered(parsed, rows, total);
}

/** The month a missing-usage URL asks for, or the last full month. */
export function missingUsagePeriod(query: Pick<MissingUsageListQuery, "period">): string {
  return dashboardPeriod(query.period, new Date());
}

export async function auditRows(query: string): Promise<NumberedPage<AuditEventRow>> {
  const parsed = eventListQuery.parse(queryValues(query));
  const { rows, total } = await listEvents(await requireActor(), parsed);
  return numbered(parsed, rows, total);
}

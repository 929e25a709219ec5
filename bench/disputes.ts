// Disputes benchmark (issue 21): a rejection disputing 1,000 records of a file of `rows` records,
// then what changed since, after a re-upload that changed, removed and added records (every
// 1,000th of each), and after browser corrections only; and the grid's "changed" filter.
import { eq, sql } from "drizzle-orm";
import { replaceDatabase, scratchServerUrl, selectRows, type Database } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { attachRecordPartition, createRecordPartition, indexRecordPartition } from "@/db/record-partitions";
import { demoUsers, seedDemoData } from "@/db/seed";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { getUsageFileChanges } from "@/lib/server/queries/usage-file-changes";
import { listUsageRecords } from "@/lib/server/queries/usage-records";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { reportFigure, timed, withPeakRss } from "./report";
import { benchFileId, seedReadyFile } from "./review";

const distributor: Actor = (() => {
  const user = demoUsers.find((u) => u.email === "distributor@northwind.test")!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
})();

export async function benchDisputes({ rows }: { rows: number }): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  try {
    replaceDatabase(database.handle);
    const db = database.handle.db;
    await seedDemoData(db);
    await seedReadyFile(database.handle, rows);
    const submitted = await submitUsageFile(vendor(), benchFileId);
    if (!submitted.ok) throw new Error(submitted.message);
    const details = { rows };

    const disputed = await selectRows<{ id: number }>(
      db,
      sql`SELECT id FROM usage_records WHERE usage_file_id = ${benchFileId}
      AND generation = 1 AND id % 100 = 0 ORDER BY id LIMIT 1000`,
    );
    const rejected = await timed(() =>
      rejectUsageFile(distributor, benchFileId, {
        rejectionNote: "Bench",
        disputedRecords: disputed.map(({ id }) => ({ id: `UR-${id}`, reason: "Check this one." })),
      }),
    );
    if (!rejected.result.ok) throw new Error(rejected.result.message);
    reportFigure("dispute_reject_ms", rejected.seconds * 1000, { ...details, disputed: disputed.length });

    // Browser corrections only: the comparison reads the corrected and disputed records alone.
    await db.execute(sql`INSERT INTO usage_rejected_records (rejection_id, usage_record_id, record_id, note, item_id,
        subscription_id, quantity, start_time, end_time, amount, tier, category_id, params)
      SELECT (SELECT max(id) FROM usage_file_rejections), id, record_id, note, item_id, subscription_id, quantity,
        start_time, end_time, amount, tier, category_id, params
      FROM usage_records WHERE usage_file_id = ${benchFileId} AND generation = 1 AND id % 1000 = 7`);
    await db.execute(sql`UPDATE usage_records SET quantity = quantity + 1
      WHERE usage_file_id = ${benchFileId} AND generation = 1 AND id % 1000 = 7`);
    await reportChanges("changes_after_corrections", details);

    await reuploadWithChanges(db);
    // The vendor's grid before sending it again compares every record with the rejected ones.
    await reportChangedFilter("changed_filter_before_resubmit_ms", vendor(), details);
    const resubmitted = await timed(() => submitUsageFile(vendor(), benchFileId));
    if (!resubmitted.result.ok) throw new Error(resubmitted.result.message);
    reportFigure("resubmit_ms", resubmitted.seconds * 1000, details);
    await reportChanges("changes_after_reupload", details);
    await reportChangedFilter("changed_filter_first_page_ms", distributor, details);
  } finally {
    await stopJobQueue();
    await database.handle.close();
    await database.drop();
  }
}

function vendor(): Actor {
  const user = demoUsers.find((u) => u.email === "vendor@acme.test")!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
}

async function reportChangedFilter(figure: string, actor: Actor, details: Record<string, unknown>) {
  const grid = await timed(() =>
    listUsageRecords(actor, benchFileId, usageRecordListQuery.parse({ review: "changed" })),
  );
  reportFigure(figure, grid.seconds * 1000, { ...details, shown: grid.result?.page.rows.length });
}

async function reportChanges(figure: string, details: Record<string, unknown>) {
  const measured = await withPeakRss(() => timed(() => getUsageFileChanges(distributor, benchFileId)));
  const counts = measured.result.result?.rejection?.counts;
  reportFigure(`${figure}_ms`, measured.result.seconds * 1000, { ...details, ...counts });
  reportFigure(`${figure}_peak_rss_mb`, measured.peakRssMb, details);
}

/**
 * Generation 2, as a re-upload would leave it (Ready): every record again with a new id, but every 1,000th
 * with another quantity, every 1,000th (others) left out, and one new record per 1,000.
 */
async function reuploadWithChanges(db: Database): Promise<void> {
  const partition = sql.identifier(await createRecordPartition(db, benchFileId, 2));
  await db.execute(sql`INSERT INTO ${partition} (id, usage_file_id, generation, row_number, record_id, note, item_id,
      subscription_id, quantity, start_time, end_time, amount, tier, category_id, params)
    SELECT nextval('usage_records_id_seq'), usage_file_id, 2, row_number, record_id, note, item_id, subscription_id,
      CASE WHEN id % 1000 = 1 THEN quantity + 1 ELSE quantity END, start_time, end_time, amount, tier, category_id, params
    FROM usage_records WHERE usage_file_id = ${benchFileId} AND generation = 1 AND id % 1000 <> 2
    UNION ALL
    SELECT nextval('usage_records_id_seq'), usage_file_id, 2, row_number, 'new-' || record_id, note, item_id,
      subscription_id, quantity, start_time, end_time, amount, tier, category_id, params
    FROM usage_records WHERE usage_file_id = ${benchFileId} AND generation = 1 AND id % 1000 = 3`);
  await attachRecordPartition(db, benchFileId, 2);
  await indexRecordPartition(db, benchFileId, 2);
  await db.update(usageFiles).set({ generation: 2, status: "ready" }).where(eq(usageFiles.id, benchFileId));
}

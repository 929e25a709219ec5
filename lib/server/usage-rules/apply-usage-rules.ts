import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { usageFiles } from "@/db/schema";
import { isCleanFile, ruleAcceptanceNote } from "@/lib/domain/usage-rules";
import type { AnomalyCounts } from "@/lib/domain/usage-anomalies";
import type { WarningCounts } from "@/lib/domain/usage-warnings";
import { checkUsageFile } from "@/lib/server/usage-files/check-usage-file";
import { transitionUsageFile } from "@/lib/server/usage-files/transition-usage-file";

interface DueFile {
  id: string;
  ruleId: string;
  ruleName: string;
  warningCounts: WarningCounts | null;
  anomalyCounts: AnomalyCounts | null;
}

/**
 * Accepts the Pending files an active rule of their contract and product covers, that have waited
 * the rule's delay since they were submitted and are still clean when checked again now. Answers
 * the files accepted. An amendment is never accepted by a rule: taking back billed records waits
 * for a person. Run every few seconds by the worker; several workers may run it at once.
 */
export async function applyDueUsageRules(now = new Date()): Promise<string[]> {
  const db = await getDb();
  const due = await dueFiles(db, now);
  const accepted: string[] = [];
  for (const file of due.filter(isCleanFile)) {
    if (await acceptByRule(db, file)) accepted.push(file.id);
  }
  return accepted;
}

function dueFiles(db: Database, now: Date): Promise<DueFile[]> {
  return selectRows<DueFile>(
    db,
    sql`SELECT f.id, r.id AS "ruleId", r.name AS "ruleName", f.warning_counts AS "warningCounts",
          f.anomaly_counts AS "anomalyCounts"
        FROM usage_files f
        JOIN usage_rules r ON r.contract_id = f.contract_id AND r.product_id = f.product_id AND r.active
        CROSS JOIN LATERAL (
          SELECT max(e.at) AS at FROM events e
          WHERE e.object_type = 'usage_file' AND e.object_id = f.id AND e.action = 'submit'
        ) submitted
        WHERE f.status = 'pending' AND f.amends_file_id IS NULL
          AND submitted.at + make_interval(mins => r.delay_minutes) <= ${now.toISOString()}::timestamptz
        ORDER BY submitted.at, f.id`,
  );
}

/** Checks the file again, locked, and accepts it for the rule if it is still clean. */
async function acceptByRule(db: Database, due: DueFile): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [file] = await tx
      .select()
      .from(usageFiles)
      .where(and(eq(usageFiles.id, due.id), eq(usageFiles.status, "pending")))
      .for("update", { skipLocked: true });
    if (!file) return false;
    const checks = await checkUsageFile(tx, { ...file, submitted: true });
    if (!isCleanFile(checks)) {
      await tx.update(usageFiles).set(checks).where(eq(usageFiles.id, due.id));
      return false;
    }
    const note = ruleAcceptanceNote(due.ruleName);
    const updated = await transitionUsageFile(tx, {
      usageFileId: due.id,
      action: "accept",
      actor: null,
      set: { ...checks, acceptanceNote: note, rejectionNote: null },
      details: { note, rule: due.ruleName, ruleId: due.ruleId },
    });
    return updated !== null;
  });
}

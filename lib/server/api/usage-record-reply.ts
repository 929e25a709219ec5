import "server-only";
import { ok, type Result } from "@/lib/domain/errors";
import { usageRecordPublicId } from "@/lib/domain/ids";
import type { ClosingReport } from "@/lib/domain/record-closing";
import type { UsageRecordView } from "@/lib/server/queries/usage-records";

/** A record as the API shows it: named by its public id (`UR-…`) and its file. */
export function usageRecordJson(usageFileId: string, { amendsRecordId, ...record }: UsageRecordView) {
  const amends = amendsRecordId === null ? null : usageRecordPublicId(amendsRecordId);
  return { ...record, id: usageRecordPublicId(record.id), usageFileId, amends };
}

/**
 * A closing report as the API answers it: each refused record named `id`, as records are in every
 * answer (`record_id` is the vendor's own id there).
 */
export function closingAnswer<Report extends ClosingReport>(result: Result<Report>) {
  if (!result.ok) return result;
  const { refused, ...report } = result.value;
  return ok({ ...report, refused: refused.map(({ recordId, reason }) => ({ id: recordId, reason })) });
}

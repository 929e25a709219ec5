import "server-only";
import { usageRecordPublicId } from "@/lib/domain/ids";
import type { UsageRecordView } from "@/lib/server/queries/usage-records";

/** A record as the API shows it: named by its public id (`UR-…`) and its file. */
export function usageRecordJson(usageFileId: string, record: UsageRecordView) {
  return { ...record, id: usageRecordPublicId(record.id), usageFileId };
}

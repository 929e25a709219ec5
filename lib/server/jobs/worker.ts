import "server-only";
import { indexRecordPartition } from "@/db/record-partitions";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { sendInboxItemMail } from "@/lib/server/mail/send-inbox-item-mail";
import { mailIsOn } from "@/lib/server/mail/transport";
import { failProcessing, processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { applyDueUsageRules } from "@/lib/server/usage-rules/apply-usage-rules";
import { deliverDue, queueDueDeliveries } from "@/lib/server/webhooks/deliver";
import {
  deliverWebhooksJob,
  indexUsageRecordsJob,
  processUsageFileJob,
  repeatWhileQueueRuns,
  sendInboxItemMailJob,
  workOn,
} from "./queue";

/** Endpoints sent to at once by a worker process (each endpoint by one job at a time). */
const webhookConcurrency = 8;
/** How often the clean Pending files whose rule's delay has passed are looked for. */
const usageRulesEveryMs = 10_000;

/**
 * Starts this process's job workers: usage files are processed and indexed here, off the request,
 * webhooks delivered and, with SMTP_URL set, notifications mailed (their jobs wait for a worker
 * with SMTP_URL); retries and deliveries a stopped worker left are queued every second, and the
 * usage rules' due files accepted every few seconds.
 */
export async function startWorkers(): Promise<void> {
  await workOn(processUsageFileJob, env.WORKER_CONCURRENCY, async ({ usageFileId }, attempt) => {
    try {
      await processUsageFile(usageFileId);
      console.log(`Processed ${usageFileId}`);
    } catch (error) {
      console.error(`Processing ${usageFileId} failed (attempt ${attempt.retryCount + 1}):`, error);
      if (attempt.retryCount >= attempt.retryLimit) {
        await failProcessing(usageFileId, "the server could not read this file.");
      }
      throw error;
    }
  });
  await workOn(indexUsageRecordsJob, 1, async ({ usageFileId, generation }) => {
    await indexRecordPartition(await getDb(), usageFileId, generation);
  });
  await workOn(deliverWebhooksJob, webhookConcurrency, ({ endpointId }) => deliverDue(endpointId));
  if (mailIsOn()) await workOn(sendInboxItemMailJob, 2, ({ inboxItemId }) => sendInboxItemMail(inboxItemId));
  repeatWhileQueueRuns(1000, queueDueDeliveries);
  repeatWhileQueueRuns(usageRulesEveryMs, async () => {
    const accepted = await applyDueUsageRules();
    if (accepted.length > 0) console.log(`Accepted by usage rules: ${accepted.join(", ")}`);
  });
}

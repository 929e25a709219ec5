import "server-only";
import { failProcessing, processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { startJobWorkers } from "./queue";

/** Starts this process's job worker: usage files are processed here, off the upload request. */
export async function startWorkers(): Promise<void> {
  await startJobWorkers(async ({ usageFileId }, attempt) => {
    try {
      await processUsageFile(usageFileId);
    } catch (error) {
      console.error(`Processing ${usageFileId} failed (attempt ${attempt.retryCount + 1}):`, error);
      if (attempt.retryCount >= attempt.retryLimit) {
        await failProcessing(usageFileId, "the server could not read this file.");
      }
      throw error;
    }
  });
}

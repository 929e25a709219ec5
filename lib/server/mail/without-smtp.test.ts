import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { listInbox } from "@/lib/server/inbox/inbox";
import { getJobQueue, sendInboxItemMailJob } from "@/lib/server/jobs/queue";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { withTestDatabase } from "@/test/db";
import { northwindDistributor, acmeVendor } from "@/test/usage-workbooks";

vi.hoisted(() => {
  delete process.env.SMTP_URL;
});

const database = withTestDatabase();
const ready = "UF-2026-10-1001-0002";

describe("without SMTP_URL", () => {
  it("queues no mail: the inbox alone tells the distributor", async () => {
    await seedDemoData(database.handle.db);
    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);

    expect(await listInbox(northwindDistributor)).toEqual([
      expect.objectContaining({ type: "usage_file.submitted", usageFileId: ready }),
    ]);
    expect(await (await getJobQueue()).findJobs(sendInboxItemMailJob.name)).toEqual([]);
  });
});

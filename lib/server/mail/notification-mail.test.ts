import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { listInbox } from "@/lib/server/inbox/inbox";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { setOwnMailTopics } from "@/lib/server/users/set-own-mail-topics";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, northwindDistributor, recordsHeader, validRow } from "@/test/usage-workbooks";

// The portal mails through a real SMTP server started here, before the app reads SMTP_URL.
const smtp = await vi.hoisted(async () => {
  const { startSmtpInbox } = await import("@/test/smtp-inbox");
  const inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  process.env.AUTH_URL = "https://usage.example.test";
  return inbox;
});

const database = withTestDatabase();
// Seeded (db/seed.ts): Acme's -0002 is Ready on the Northwind contract, with an internal note.
const ready = "UF-2026-10-1001-0002";
const internalNote = "Exported from the metering warehouse, job #4711.";
const acmeColleague = { userId: "USR-0003", accountId: "ACC-0002", role: "vendor" as const };

afterEach(async () => {
  await stopJobQueue();
  smtp.mails.length = 0;
});
afterAll(() => smtp.close());

describe("notification mails", () => {
  it("tell the distributor a file awaits review, with its link and without the vendor's internal note", async () => {
    await seedDemoData(database.handle.db);
    // The vendor's colleague asks for submissions too: the same mail, as a vendor may read it.
    expect((await setOwnMailTopics(acmeColleague, { topics: ["usage_file.submitted"] })).ok).toBe(true);
    await startWorkers();

    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);

    await vi.waitFor(() => expect(smtp.mails).toHaveLength(2), { timeout: 20_000 });
    const [toDistributor] = smtp.to("distributor@northwind.test");
    expect(toDistributor!.subject).toBe(`Usage file awaits review: Acme Compute — ready to submit (${ready})`);
    expect(toDistributor!.text).toContain(`Open it: https://usage.example.test/distributor/files/${ready}`);
    expect(toDistributor!.text).not.toContain(internalNote);
    const [toColleague] = smtp.to("vendor2@acme.test");
    expect(toColleague!.text).toContain(`Open it: https://usage.example.test/vendor/files/${ready}`);
    expect(toColleague!.text).toContain(`Internal note: ${internalNote}`);
    // The submitter and the other contract's reseller get none.
    expect(smtp.to("vendor@acme.test")).toEqual([]);
    expect(smtp.to("reseller@contoso.test")).toEqual([]);
  });

  it("mail no vendor who turned invalid files off, while the colleague on the defaults is mailed", async () => {
    await seedDemoData(database.handle.db);
    expect((await setOwnMailTopics(acmeVendor, { topics: ["usage_file.rejected"] })).ok).toBe(true);
    await startWorkers();

    await uploadAndProcess(
      database.handle.db,
      acmeDraftFileId,
      "usage.csv",
      `${recordsHeader}\n${validRow("R1", "-5")}\n`,
    );

    await vi.waitFor(() => expect(smtp.to("vendor2@acme.test")).toHaveLength(1), { timeout: 20_000 });
    expect(smtp.to("vendor2@acme.test")[0]!.subject).toMatch(/^Usage file invalid: /);
    expect(smtp.to("vendor@acme.test")).toEqual([]);
    // The inbox still tells the vendor who turned the mail off.
    expect((await listInbox(acmeVendor)).map((item) => item.type)).toContain("usage_file.invalid");
  });

  it("refuse a topic the role never receives", async () => {
    await seedDemoData(database.handle.db);
    expect(await setOwnMailTopics(northwindDistributor, { topics: ["usage_file.uploaded"] })).toMatchObject({
      ok: false,
      code: "validation_failed",
    });
  });
});

import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/domain/permissions";
import { listInbox } from "@/lib/server/inbox/inbox";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { createWebhookEndpoint } from "@/lib/server/webhooks/manage-webhooks";
import { admin } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { startReceiver, type Receiver } from "@/test/webhook-receiver";
import { listUsageFileComments } from "./list-usage-file-comments";
import { postUsageFileComment } from "./post-usage-file-comment";

// A receiver on 127.0.0.1, and mail through a real SMTP server started here, before the app reads its settings.
const smtp = await vi.hoisted(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  process.env.AUTH_URL = "https://usage.example.test";
  const { startSmtpInbox } = await import("@/test/smtp-inbox");
  const inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  return inbox;
});

const database = withTestDatabase();
// Seeded (db/seed.ts), all Acme's on the Northwind contract but -0004 (Contoso's): -0001 Draft,
// -0002 Ready, -0003 Pending, -0006 Rejected, each with the internal note below.
const draft = "UF-2026-10-1001-0001";
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";
const rejected = "UF-2026-10-1001-0006";
const internalNote = "Exported from the metering warehouse, job #4711.";
const acmeColleague: Actor = { userId: "USR-0003", accountId: "ACC-0002", role: "vendor" };
const contosoReseller: Actor = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" };

let receiver: Receiver | undefined;
afterEach(async () => {
  await stopJobQueue();
  await receiver?.close();
  receiver = undefined;
  smtp.mails.length = 0;
});
afterAll(() => smtp.close());

const say = (text: string, recordId?: string) => ({ text, recordId });

async function texts(actor: Actor, usageFileId: string, recordId?: string) {
  const listed = await listUsageFileComments(actor, usageFileId, { recordId });
  return listed.ok ? listed.value.rows.map((comment) => comment.text) : listed.code;
}

async function firstRecordOf(usageFileId: string) {
  const [record] = await visibleRecords(database.handle.db, usageFileId);
  return { publicId: `UR-${record!.id}`, recordId: record!.recordId };
}

describe("who reads and writes a file's conversation", () => {
  it("is the vendor always, the contract's distributor from submission on, admins reading; others find nothing", async () => {
    await seedDemoData(database.handle.db);
    // Before submission the distributor does not see the file: not to read, not to write.
    expect((await postUsageFileComment(acmeVendor, ready, say("Draft thoughts, ours only."))).ok).toBe(true);
    expect(await texts(northwindDistributor, ready)).toBe("not_found");
    expect(await postUsageFileComment(northwindDistributor, ready, say("Early."))).toMatchObject({ code: "not_found" });
    expect(await postUsageFileComment(northwindDistributor, draft, say("Early."))).toMatchObject({ code: "not_found" });

    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);
    expect(await texts(northwindDistributor, ready)).toEqual([]);
    const posted = await postUsageFileComment(northwindDistributor, ready, say("  Why twice the usual?  "));
    expect(posted).toMatchObject({
      ok: true,
      value: { text: "Why twice the usual?", authorAccountName: "Northwind Distribution", recordId: null },
    });
    expect((await postUsageFileComment(acmeVendor, ready, say("A migration ran."))).ok).toBe(true);

    // The pre-submission comment stays the vendor's (and admins').
    expect(await texts(northwindDistributor, ready)).toEqual(["Why twice the usual?", "A migration ran."]);
    expect(await texts(acmeVendor, ready)).toEqual([
      "Draft thoughts, ours only.",
      "Why twice the usual?",
      "A migration ran.",
    ]);
    expect(await texts(admin, ready)).toEqual(await texts(acmeVendor, ready));
    expect(await postUsageFileComment(admin, ready, say("Hello."))).toMatchObject({ code: "forbidden" });
    // Another vendor, the reseller of another contract: the file does not exist for them.
    expect(await texts(globexVendor, ready)).toBe("not_found");
    expect(await texts(contosoReseller, ready)).toBe("not_found");
    expect(await postUsageFileComment(globexVendor, ready, say("Hi."))).toMatchObject({ code: "not_found" });
    expect(await postUsageFileComment(contosoReseller, ready, say("Hi."))).toMatchObject({ code: "not_found" });
  });

  it("refuses an empty comment, and a record of another file", async () => {
    await seedDemoData(database.handle.db);
    expect(await postUsageFileComment(acmeVendor, pending, say(""))).toMatchObject({ ok: false });
    const other = await firstRecordOf(rejected);
    expect(await postUsageFileComment(acmeVendor, pending, say("Hm.", other.publicId))).toMatchObject({
      code: "not_found",
    });
    expect(await postUsageFileComment(acmeVendor, pending, say("Hm.", "UR-x"))).toMatchObject({ code: "not_found" });
  });

  it("keeps a record's comments on the record, and lists them in the file's thread too", async () => {
    await seedDemoData(database.handle.db);
    const record = await firstRecordOf(pending);
    const onRecord = await postUsageFileComment(northwindDistributor, pending, say("This one?", record.publicId));
    expect(onRecord).toMatchObject({ ok: true, value: { recordId: record.publicId, recordRef: record.recordId } });
    expect((await postUsageFileComment(acmeVendor, pending, say("On the whole file."))).ok).toBe(true);
    expect(await texts(acmeVendor, pending, record.publicId)).toEqual(["This one?"]);
    expect(await texts(acmeVendor, pending)).toEqual(["This one?", "On the whole file."]);
  });
});

describe("a comment's notification", () => {
  it("reaches the other party's inbox and the writer's colleagues, never the writer's own; before submission the vendor's only", async () => {
    await seedDemoData(database.handle.db);
    expect((await postUsageFileComment(acmeVendor, rejected, say("The spike is real: a migration ran."))).ok).toBe(
      true,
    );
    const commented = (items: Awaited<ReturnType<typeof listInbox>>) =>
      items.filter((item) => item.type === "usage_file.commented");
    expect(commented(await listInbox(northwindDistributor))).toEqual([
      expect.objectContaining({ usageFileId: rejected, read: false }),
    ]);
    expect(commented(await listInbox(acmeColleague))).toHaveLength(1);
    expect(commented(await listInbox(acmeVendor))).toEqual([]);
    expect(commented(await listInbox(contosoReseller))).toEqual([]);

    expect((await postUsageFileComment(acmeVendor, ready, say("Not submitted yet."))).ok).toBe(true);
    expect(commented(await listInbox(northwindDistributor))).toHaveLength(1);
    expect(commented(await listInbox(acmeColleague))).toHaveLength(2);
  });

  it(
    "reaches a subscribed webhook with the comment and its record, and mails the other party",
    { timeout: 60_000 },
    async () => {
      await seedDemoData(database.handle.db);
      receiver = await startReceiver();
      const created = await createWebhookEndpoint(northwindDistributor, {
        url: receiver.url("/northwind"),
        events: ["usage_file.commented"],
        description: "",
      });
      if (!created.ok) throw new Error(created.message);
      receiver.useSecret("/northwind", created.value.secret);
      await startWorkers();

      const record = await firstRecordOf(rejected);
      const posted = await postUsageFileComment(acmeVendor, rejected, say("Row 1 is right.", record.publicId));
      if (!posted.ok) throw new Error(posted.message);

      await vi.waitFor(() => expect(receiver!.at("/northwind")).toHaveLength(1), { timeout: 20_000 });
      const [hook] = receiver.at("/northwind");
      expect(hook!.payload.type).toBe("usage_file.commented");
      expect(hook!.payload.data).toMatchObject({
        usage_file: { id: rejected, status: "rejected", internal_note: null },
        comment: {
          id: posted.value.id,
          text: "Row 1 is right.",
          author_name: "Victor Acme",
          author_account_name: "Acme Cloud",
          record: { id: record.publicId, record_id: record.recordId },
        },
      });

      await vi.waitFor(() => expect(smtp.to("distributor@northwind.test")).toHaveLength(1), { timeout: 20_000 });
      const [mail] = smtp.to("distributor@northwind.test");
      expect(mail!.subject).toBe(`New comment: Acme Compute — rejected (${rejected})`);
      expect(mail!.text).toContain("Victor Acme (Acme Cloud) wrote:");
      expect(mail!.text).toContain("Row 1 is right.");
      expect(mail!.text).toContain(`Open it: https://usage.example.test/distributor/files/${rejected}`);
      expect(mail!.text).not.toContain(internalNote);
      // The writer is mailed nothing; the colleague (on the defaults) is.
      await vi.waitFor(() => expect(smtp.to("vendor2@acme.test")).toHaveLength(1), { timeout: 20_000 });
      expect(smtp.to("vendor@acme.test")).toEqual([]);
    },
  );
});

import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, northwindDistributor, recordsHeader, validRow } from "@/test/usage-workbooks";
import { listInbox, markAllInboxItemsRead, markInboxItemRead, unreadCount } from "./inbox";

const database = withTestDatabase();
const ready = "UF-2026-10-1001-0002";
const acmeColleague = { userId: "USR-0003", accountId: "ACC-0002", role: "vendor" as const };
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };

describe("the in-app inbox", () => {
  it("tells the distributor of a submitted file and the vendor's colleagues, never its actor nor another contract", async () => {
    await seedDemoData(database.handle.db);
    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", `${recordsHeader}\n${validRow("R1")}\n`);
    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);

    const distributorItems = await listInbox(northwindDistributor);
    expect(distributorItems).toEqual([
      expect.objectContaining({ type: "usage_file.submitted", usageFileId: ready, read: false }),
    ]);
    expect(await unreadCount(northwindDistributor)).toBe(1);
    expect((await listInbox(acmeColleague)).map((item) => item.type)).toEqual([
      "usage_file.submitted",
      "usage_file.ready",
      "usage_file.uploaded",
    ]);
    // The upload was the vendor's own, processing is the system's: both reach the vendor's inbox.
    expect((await listInbox(acmeVendor)).map((item) => item.type)).toEqual(["usage_file.ready"]);
    expect(await listInbox(contosoReseller)).toEqual([]);
  });

  it("marks one item read, or all, and only the user's own", async () => {
    await seedDemoData(database.handle.db);
    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);
    const [item] = await listInbox(northwindDistributor);
    expect(await markInboxItemRead(contosoReseller, item!.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await unreadCount(northwindDistributor)).toBe(1);
    expect(await markInboxItemRead(northwindDistributor, item!.id)).toEqual({
      ok: true,
      value: { path: `/distributor/files/${ready}` },
    });
    expect(await unreadCount(northwindDistributor)).toBe(0);
    expect(await markAllInboxItemsRead(acmeColleague)).toEqual({ ok: true, value: { marked: 1 } });
    expect(await unreadCount(acmeColleague)).toBe(0);
  });
});

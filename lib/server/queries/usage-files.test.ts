import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/domain/permissions";
import { withTestDatabase } from "@/test/db";
import { countUsageFilesByStatus, getUsageFile, listRecentUsageFiles } from "./usage-files";

const database = withTestDatabase();

const acmeVendor: Actor = { userId: "USR-0002", accountId: "ACC-0002", role: "vendor" };
const globexVendor: Actor = { userId: "USR-0004", accountId: "ACC-0003", role: "vendor" };
const northwind: Actor = { userId: "USR-0005", accountId: "ACC-0004", role: "distributor" };
const contoso: Actor = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" };
const admin: Actor = { userId: "USR-0001", accountId: "ACC-0001", role: "admin" };

const acmeDraft = "UF-2026-10-1001-0001";
const acmePendingForNorthwind = "UF-2026-10-1001-0003";
const globexPending = "UF-2026-10-2001-0001";

describe("usage files as each actor sees them", () => {
  it("gives a vendor its own files with the internal note", async () => {
    await seedDemoData(database.handle.db);
    const file = await getUsageFile(acmeVendor, acmeDraft);
    expect(file?.name).toBe("Acme Compute — draft");
    expect(file?.internalNote).toContain("metering warehouse");
    const listed = await listRecentUsageFiles(acmeVendor);
    expect(listed.map((f) => f.vendorName)).toEqual(Array(listed.length).fill("Acme Cloud"));
  });

  it("answers not found for another vendor's file", async () => {
    await seedDemoData(database.handle.db);
    expect(await getUsageFile(globexVendor, acmeDraft)).toBeNull();
    expect(await getUsageFile(acmeVendor, globexPending)).toBeNull();
  });

  it("shows a distributor its contracts' submitted files only, never the internal note", async () => {
    await seedDemoData(database.handle.db);
    expect(await getUsageFile(northwind, acmeDraft)).toBeNull();
    expect(await getUsageFile(contoso, acmePendingForNorthwind)).toBeNull();
    const file = await getUsageFile(northwind, acmePendingForNorthwind);
    expect(file).toMatchObject({ status: "pending", internalNote: null });
    const listed = await listRecentUsageFiles(northwind);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((f) => f.distributorAccountId === "ACC-0004" && f.internalNote === null)).toBe(true);
    expect(listed.some((f) => ["draft", "ready"].includes(f.status))).toBe(false);
    expect(await countUsageFilesByStatus(northwind)).toEqual({ pending: 2, accepted: 1, rejected: 1 });
  });

  it("shows admins every file", async () => {
    await seedDemoData(database.handle.db);
    expect(await getUsageFile(admin, globexPending)).not.toBeNull();
    expect((await listRecentUsageFiles(admin)).length).toBe(7);
  });
});

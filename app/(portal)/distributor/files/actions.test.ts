import { beforeEach, describe, expect, it, vi } from "vitest";
import { demoUsers, seedDemoData } from "@/db/seed";
import { getUsageFileChanges } from "@/lib/server/queries/usage-file-changes";
import { withTestDatabase } from "@/test/db";
import { usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { northwindDistributor } from "@/test/usage-workbooks";
import { rejectUsageFileAction } from "./actions";

// The session is the one thing faked: the actions, use cases and database are the real ones.
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const database = withTestDatabase();
// Seeded (db/seed.ts): Acme's -0003, Pending on Northwind's contract.
const pending = "UF-2026-10-1001-0003";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  const user = demoUsers.find((u) => u.email === "distributor@northwind.test")!;
  session.current = { user: { id: user.id, accountId: user.accountId, role: user.role, sessionVersion: 0 } };
});

describe("the reject dialogs' disputed records", () => {
  it("disputes every record matching the grid's filters with the reason for all", async () => {
    const records = await visibleRecords(database.handle.db, pending);
    const answer = await rejectUsageFileAction(
      {},
      form({ usageFileId: pending, rejectionNote: "All wrong.", matching: "", reasonForAll: "Check it." }),
    );
    expect(answer).toMatchObject({ ok: true });
    const changes = (await getUsageFileChanges(northwindDistributor, pending))?.rejection;
    expect(changes?.counts).toMatchObject({ disputed: records.length, disputedUnchanged: records.length });
    expect(new Set(changes?.disputedUnchanged.map((record) => record.disputeReason))).toEqual(new Set(["Check it."]));
  });

  it("gives each ticked record its own reason, and refuses a record without one, changing nothing", async () => {
    const [first, second] = (await visibleRecords(database.handle.db, pending)).map((r) => `UR-${r.id}`);
    const before = await usageFileRow(database.handle.db, pending);
    expect(
      await rejectUsageFileAction(
        {},
        form({ usageFileId: pending, rejectionNote: "No.", disputed: `${first},${second}`, [`reason.${first}`]: "A" }),
      ),
    ).toMatchObject({ ok: false, error: "Give a reason for each disputed record." });
    expect(await usageFileRow(database.handle.db, pending)).toEqual(before);

    expect(
      await rejectUsageFileAction(
        {},
        form({
          usageFileId: pending,
          rejectionNote: "No.",
          disputed: `${first},${second}`,
          [`reason.${first}`]: "Doubled",
          reasonForAll: "Wrong",
        }),
      ),
    ).toMatchObject({ ok: true });
    const changes = (await getUsageFileChanges(northwindDistributor, pending))?.rejection;
    expect(changes?.disputedUnchanged.map((record) => [record.id, record.disputeReason])).toEqual(
      expect.arrayContaining([
        [first, "Doubled"],
        [second, "Wrong"],
      ]),
    );
    expect(changes?.counts.disputed).toBe(2);
  });
});

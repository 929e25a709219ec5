import { beforeEach, describe, expect, it, vi } from "vitest";
import { demoUsers, seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { usageFileRow } from "@/test/usage-file-state";
import { uploadOf } from "@/test/usage-workbooks";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import {
  correctRecordAction,
  createUsageFileAction,
  deleteUsageFileAction,
  submitUsageFileAction,
  updateInternalNoteAction,
} from "./actions";

// The session is the one thing faked: the actions, use cases and database are the real ones.
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => session.current }));

const database = withTestDatabase();

function signInAs(email: string) {
  const user = demoUsers.find((u) => u.email === email)!;
  session.current = { user: { id: user.id, accountId: user.accountId, role: user.role, sessionVersion: 0 } };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

// Seeded Acme files (db/seed.ts): -0001 Draft, -0002 Ready, -0003 Pending.
const acmeDraft = "UF-2026-10-1001-0001";
const acmeReady = "UF-2026-10-1001-0002";
const acmePending = "UF-2026-10-1001-0003";

beforeEach(async () => {
  await seedDemoData(database.handle.db);
});

describe("a vendor crafting requests to the server actions for another account's files", () => {
  beforeEach(() => signInAs("vendor@globex.test"));

  it("is told the file does not exist, and nothing changes", async () => {
    const notFound = { ok: false, error: "Usage file not found." };
    expect(await submitUsageFileAction({}, form({ usageFileId: acmeReady }))).toMatchObject(notFound);
    expect(await deleteUsageFileAction({}, form({ usageFileId: acmeDraft }))).toMatchObject(notFound);
    expect(
      await updateInternalNoteAction({}, form({ usageFileId: acmeReady, internalNote: "mine now" })),
    ).toMatchObject(notFound);
    expect(
      await correctRecordAction({}, form({ usageFileId: acmeReady, recordId: "1", "cell.quantity": "1" })),
    ).toMatchObject(notFound);

    const db = database.handle.db;
    expect((await usageFileRow(db, acmeReady)).status).toBe("ready");
    expect((await usageFileRow(db, acmeDraft)).status).toBe("draft");
    expect((await usageFileRow(db, acmeReady)).internalNote).toBe("Exported from the metering warehouse, job #4711.");
  });

  it("cannot open a file on another vendor's product or contract", async () => {
    const state = await createUsageFileAction(
      {},
      form({
        productId: "PRD-100-001",
        contractId: "CRD-00001",
        name: "Not ours",
        currency: "USD",
        firstDay: "2026-10-01",
        lastDay: "2026-10-31",
      }),
    );
    expect(state).toMatchObject({ ok: false, fields: { productId: "Choose one of your products." } });
    const files = await database.handle.db.query.usageFiles.findMany({ where: (f, { eq }) => eq(f.name, "Not ours") });
    expect(files).toEqual([]);
  });
});

describe("refused transitions", () => {
  beforeEach(() => signInAs("vendor@acme.test"));

  it("say why when a file is not Ready to submit, and change nothing", async () => {
    expect(await submitUsageFileAction({}, form({ usageFileId: acmeDraft }))).toEqual({
      ok: false,
      error: "This usage file is Draft; only Ready, Rejected files can be submitted.",
    });
    expect((await usageFileRow(database.handle.db, acmeDraft)).status).toBe("draft");
  });

  it("refuse an upload to a Pending file, keeping its records and status", async () => {
    const actor = { userId: "USR-0002", accountId: "ACC-0002", role: "vendor" as const };
    expect(await uploadUsageFile(actor, acmePending, uploadOf("late.csv", "record_id\n"))).toMatchObject({
      ok: false,
      code: "invalid_transition",
      message: "This usage file is Pending; only Draft, Invalid, Ready, Rejected files can be uploaded to.",
    });
    const file = await usageFileRow(database.handle.db, acmePending);
    expect(file).toMatchObject({ status: "pending", generation: 1 });
  });

  it("refuse deleting a Pending file", async () => {
    expect(await deleteUsageFileAction({}, form({ usageFileId: acmePending }))).toMatchObject({
      ok: false,
      error: expect.stringContaining("Pending"),
    });
  });

  it("refuse a form with a missing file id as invalid input", async () => {
    expect(await submitUsageFileAction({}, form({}))).toMatchObject({
      ok: false,
      fields: { usageFileId: expect.any(String) },
    });
  });
});

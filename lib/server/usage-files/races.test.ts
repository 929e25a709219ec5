import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import type { Result } from "@/lib/domain/errors";
import { withTestDatabase } from "@/test/db";
import { rowsByGeneration, storedUploadCount, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  northwindDistributor,
  recordsHeader,
  uploadOf,
  validRow,
  xlsxOf,
} from "@/test/usage-workbooks";
import { acceptUsageFile } from "./accept-usage-file";
import { deleteUsageFile } from "./delete-usage-file";
import { processUsageFile } from "./process-usage-file";
import { rejectUsageFile } from "./reject-usage-file";
import { submitUsageFile } from "./submit-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

// Two people (or two tabs, or an API client and a person) acting on one file at the same moment,
// through the real use cases and the connection pool. Each race runs for several rounds on a freshly
// seeded database, so that a rare interleaving has a chance to show; every round must end the way a
// user would expect: one action wins, the other is refused with a reason, and the file, its history
// and its records agree with the winner.

const database = withTestDatabase();

const rounds = Array.from({ length: 10 }, (_, index) => index + 1);

// Seeded Acme files (db/seed.ts): -0001 Draft, -0002 Ready (40 records), -0003 Pending (Northwind).
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";

const refusal = {
  ok: false,
  code: "invalid_transition",
  message: expect.stringMatching(/Someone changed this usage file in the meantime|; only .+ files can be/),
};

async function eventsOf(id: string, ...actions: string[]) {
  const events = await database.handle.db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, id) });
  return events.filter((e) => actions.includes(e.action)).map((e) => e.action);
}

/** A deleted file is gone: an action that comes after the delete finds no file at all. */
const goneRefusal = { ok: false, code: "not_found", message: "Usage file not found." };

/** The one outcome that succeeded, and its position; fails the test unless exactly one did. */
function soleWinner(outcomes: Result<unknown>[], refusals: object[] = [refusal]): number {
  expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  const winner = outcomes.findIndex((o) => o.ok);
  outcomes.forEach((outcome, index) => {
    if (index !== winner) expect(refusals).toContainEqual(outcome);
  });
  return winner;
}

describe("two reviewers deciding one Pending file at once", () => {
  it.each(rounds)("round %i: one decision wins, the other is refused, one event", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const outcomes = await Promise.all([
      acceptUsageFile(northwindDistributor, pending, { acceptanceNote: "Looks right." }),
      rejectUsageFile(northwindDistributor, pending, { rejectionNote: "Quantities are doubled." }),
    ]);
    const accepted = soleWinner(outcomes) === 0;

    const file = await usageFileRow(db, pending);
    expect(file).toMatchObject(
      accepted
        ? { status: "accepted", acceptanceNote: "Looks right.", rejectionNote: null }
        : { status: "rejected", rejectionNote: "Quantities are doubled.", acceptanceNote: null },
    );
    expect(await eventsOf(pending, "accept", "reject")).toEqual([accepted ? "accept" : "reject"]);
  });
});

describe("a vendor submitting one Ready file twice at once", () => {
  it.each(rounds)("round %i: the file is Pending once, the second submit is refused", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    soleWinner(await Promise.all([submitUsageFile(acmeVendor, ready), submitUsageFile(acmeVendor, ready)]));

    expect((await usageFileRow(db, ready)).status).toBe("pending");
    expect(await eventsOf(ready, "submit")).toEqual(["submit"]);
  });
});

describe("submitting and deleting one Ready file at once", () => {
  it.each(rounds)("round %i: either it is Pending or it is deleted, never both", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const outcomes = await Promise.all([submitUsageFile(acmeVendor, ready), deleteUsageFile(acmeVendor, ready)]);
    const submitted = soleWinner(outcomes, [refusal, goneRefusal]) === 0;

    expect((await usageFileRow(db, ready)).status).toBe(submitted ? "pending" : "deleted");
    expect(await eventsOf(ready, "submit", "delete")).toEqual([submitted ? "submit" : "delete"]);
    expect(await visibleRecords(db, ready)).toHaveLength(40);
  });
});

describe("two uploads to one file at once", () => {
  const workbookOf = (name: string, count: number) =>
    xlsxOf({
      records: [
        [...recordsHeader],
        ...Array.from({ length: count }, (_, index) => validRow(`${name}-${index + 1}`, "1", index)),
      ],
    });

  /** Races two uploads of distinct workbooks, processes the winner, and returns the winner's name. */
  async function raceUploads(names: [string, string], counts: [number, number]): Promise<string> {
    const workbooks = await Promise.all([workbookOf(names[0], counts[0]), workbookOf(names[1], counts[1])]);
    const outcomes = await Promise.all(
      names.map((name, index) =>
        uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf(`${name}.xlsx`, workbooks[index]!)),
      ),
    );
    const winner = soleWinner(outcomes);
    await processUsageFile(acmeDraftFileId);
    return names[winner]!;
  }

  async function expectOnlyRecordsOf(name: string, count: number, generation: number) {
    const db = database.handle.db;
    const file = await usageFileRow(db, acmeDraftFileId);
    expect(file).toMatchObject({ status: "ready", generation, errorDetail: null });
    expect(file.stats).toMatchObject({ records: count, invalid: 0 });
    expect((await visibleRecords(db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(
      Array.from({ length: count }, (_, index) => `${name}-${index + 1}`),
    );
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { [generation]: count }, categories: {} });
    expect(await storedUploadCount(db, acmeDraftFileId)).toBe(1);
  }

  it.each(rounds)(
    "round %i: a Draft, then the Ready file, shows one upload's records, never a mix or a leftover",
    async () => {
      await seedDemoData(database.handle.db);
      const counts = { first: 3, second: 5, third: 2, fourth: 4 } as const;

      const draftWinner = await raceUploads(["first", "second"], [counts.first, counts.second]);
      await expectOnlyRecordsOf(draftWinner, counts[draftWinner as keyof typeof counts], 1);

      const readyWinner = await raceUploads(["third", "fourth"], [counts.third, counts.fourth]);
      await expectOnlyRecordsOf(readyWinner, counts[readyWinner as keyof typeof counts], 2);
      expect(await eventsOf(acmeDraftFileId, "upload")).toHaveLength(2);
    },
  );
});

describe("two runs of the processing job on one file at once", () => {
  it.each(rounds)("round %i: load the upload once, as a retry after a missed heartbeat must", async () => {
    await seedDemoData(database.handle.db);
    const rows = Array.from({ length: 300 }, (_, index) => validRow(`twice-${index + 1}`, "1", index % 28));
    const workbook = await xlsxOf({ records: [[...recordsHeader], ...rows] });
    expect(await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("twice.xlsx", workbook))).toMatchObject({
      ok: true,
    });

    await Promise.all([processUsageFile(acmeDraftFileId), processUsageFile(acmeDraftFileId)]);

    const file = await usageFileRow(database.handle.db, acmeDraftFileId);
    expect(file).toMatchObject({ status: "ready", generation: 1, stats: { records: 300, invalid: 0 } });
    expect(await rowsByGeneration(database.handle.db, acmeDraftFileId)).toEqual({
      records: { 1: 300 },
      categories: {},
    });
    expect(await eventsOf(acmeDraftFileId, "finish_valid")).toHaveLength(1);
  });
});

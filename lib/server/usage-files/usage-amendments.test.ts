import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { withTestDatabase } from "@/test/db";
import { createAcmeFile, setFilePeriod, uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  globexVendor,
  northwindDistributor,
  recordsHeader,
  validRow,
} from "@/test/usage-workbooks";
import { closeUsageRecord } from "@/lib/server/usage-records/close-usage-records";
import { exportUsageFile } from "@/lib/server/usage-records/export-usage-records";
import { downloadedCsvRows } from "@/test/downloads";
import { getAmendmentSummary } from "@/lib/server/queries/usage-file-amendments";
import { acceptUsageFile } from "./accept-usage-file";
import { amendUsageFile } from "./amend-usage-file";
import { closeUsageFile } from "./close-usage-file";
import { submitUsageFile } from "./submit-usage-file";

const database = withTestDatabase();
const original = acmeDraftFileId;

/** Record `R-n` is on day 19 + n of the period, apart from the seeded files' usage and from each other. */
const csvOf = (records: [string, string][]) =>
  [recordsHeader, ...records.map(([id, quantity]) => validRow(id, quantity, 19 + Number(id.slice(2))))]
    .map((row) => row.join(","))
    .join("\n");

/** Uploads, submits and accepts `records` (record_id, quantity) into `file`, as vendor and reviewer would. */
async function acceptedWith(file: string, records: [string, string][]) {
  const db = database.handle.db;
  expect(await uploadAndProcess(db, file, "usage.csv", csvOf(records))).toMatchObject({ status: "ready" });
  expect(await submitUsageFile(acmeVendor, file)).toMatchObject({ ok: true, value: { status: "pending" } });
  expect(await acceptUsageFile(northwindDistributor, file, { acceptanceNote: "" })).toMatchObject({ ok: true });
}

async function amendment(): Promise<string> {
  const opened = await amendUsageFile(acmeVendor, { amends: original, description: "", externalId: null });
  if (!opened.ok) throw new Error(opened.message);
  return opened.value.id;
}

/** Every billable record of the original and its amendments, summed per record_id, as text. */
async function billedSums() {
  const rows = await selectRows<{ recordId: string; quantity: string }>(
    database.handle.db,
    sql`SELECT r.record_id AS "recordId", sum(r.quantity)::text AS quantity
        FROM usage_files f JOIN usage_records r ON r.usage_file_id = f.id AND r.generation = f.generation
        WHERE (f.id = ${original} OR f.amends_file_id = ${original}) AND f.status IN ('accepted', 'closed')
          AND r.errors IS NULL
        GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.recordId, row.quantity]));
}

/** The original's records as billing sees them: ids, quantities and billing ids. */
async function originalRecords() {
  const records = await visibleRecords(database.handle.db, original);
  return records.map(({ id, recordId, quantity, externalBillingId, closedAt }) => ({
    id,
    recordId,
    quantity,
    externalBillingId,
    closedAt,
  }));
}

describe("amendments of an accepted file", () => {
  it("replace, cancel and add by record_id; reversals and replacements sum to the corrected usage, billed records untouched", async () => {
    await seedDemoData(database.handle.db);
    await acceptedWith(original, [
      ["R-1", "1.01"],
      ["R-2", "2.5"],
      ["R-3", "3.33"],
    ]);
    const [r1] = await originalRecords();
    expect(
      await closeUsageRecord(northwindDistributor, original, {
        recordId: usageRecordPublicId(r1!.id),
        externalBillingId: "INV-1",
        externalBillingNote: "",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await closeUsageFile(northwindDistributor, original, { externalBillingId: "INV-ALL", externalBillingNote: "" }),
    ).toMatchObject({
      ok: true,
      value: { status: "closed", billingId: "INV-ALL" },
    });
    const billedBefore = await originalRecords();

    const amending = await amendment();
    expect(await usageFileRow(database.handle.db, amending)).toMatchObject({
      status: "draft",
      amends: original,
      name: expect.stringContaining("amendment 1"),
    });
    await acceptedWith(amending, [
      ["R-1", "1.25"],
      ["R-2", "0"],
      ["R-9", "4.07"],
    ]);

    const written = await visibleRecords(database.handle.db, amending);
    const byOriginal = new Map(billedBefore.map((record) => [record.recordId, record.id]));
    expect(
      written.map(({ recordId, quantity, reversal, amendsRecordId }) => ({
        recordId,
        quantity,
        reversal,
        amendsRecordId,
      })),
    ).toEqual(
      expect.arrayContaining([
        { recordId: "R-1", quantity: "1.25", reversal: false, amendsRecordId: byOriginal.get("R-1") },
        { recordId: "R-2", quantity: "0", reversal: false, amendsRecordId: byOriginal.get("R-2") },
        { recordId: "R-9", quantity: "4.07", reversal: false, amendsRecordId: null },
        { recordId: "R-1", quantity: "-1.01", reversal: true, amendsRecordId: byOriginal.get("R-1") },
        { recordId: "R-2", quantity: "-2.5", reversal: true, amendsRecordId: byOriginal.get("R-2") },
      ]),
    );
    expect(written).toHaveLength(5);
    expect(await billedSums()).toEqual({ "R-1": "1.25", "R-2": "0.0", "R-3": "3.33", "R-9": "4.07" });
    expect(await originalRecords()).toEqual(billedBefore);
    expect(await usageFileRow(database.handle.db, original)).toMatchObject({ status: "closed", billingId: "INV-ALL" });

    const file = await usageFileRow(database.handle.db, amending);
    expect(file.stats).toMatchObject({ records: 5, valid: 5, byItem: [{ records: 5, quantity: "1.81" }] });
    const [totals] = await selectRows<{ quantity: string }>(
      database.handle.db,
      sql`SELECT sum(quantity)::text AS quantity FROM usage_file_totals WHERE usage_file_id = ${amending}`,
    );
    expect(totals?.quantity).toBe("1.81");

    expect(await getAmendmentSummary(northwindDistributor, amending)).toEqual({
      counts: { replacement: 1, cancellation: 1, addition: 1, reversal: 2 },
      amended: [
        {
          id: expect.stringMatching(/^UR-/),
          recordId: "R-1",
          role: "replacement",
          amends: usageRecordPublicId(byOriginal.get("R-1")!),
          quantity: { old: "1.01", new: "1.25" },
          amount: { old: null, new: null },
        },
        {
          id: expect.stringMatching(/^UR-/),
          recordId: "R-2",
          role: "cancellation",
          amends: usageRecordPublicId(byOriginal.get("R-2")!),
          quantity: { old: "2.5", new: "0" },
          amount: { old: null, new: null },
        },
      ],
    });
    expect(await getAmendmentSummary(globexVendor, amending)).toBeNull();
    expect(await getAmendmentSummary(northwindDistributor, original)).toBeNull();

    // The original's export with its amendments lists the reversal and the replacement after the billed record.
    const exported = await downloadedCsvRows(
      await exportUsageFile(northwindDistributor, original, "csv", { amendments: true }),
    );
    expect(
      exported
        .filter((row) => row.record_id === "R-1")
        .map(({ usage_file_id, quantity, amends, external_billing_id }) => ({
          usage_file_id,
          quantity,
          amends,
          external_billing_id,
        })),
    ).toEqual([
      { usage_file_id: original, quantity: "1.01", amends: "", external_billing_id: "INV-1" },
      { usage_file_id: amending, quantity: "1.25", amends: usageRecordPublicId(r1!.id), external_billing_id: "" },
      { usage_file_id: amending, quantity: "-1.01", amends: usageRecordPublicId(r1!.id), external_billing_id: "" },
    ]);
    expect(await downloadedCsvRows(await exportUsageFile(northwindDistributor, original, "csv"))).toHaveLength(3);

    // A second amendment of R-1 takes back the first amendment's replacement, not the original again.
    const replacement = written.find((record) => record.recordId === "R-1" && !record.reversal)!;
    const again = await amendment();
    await acceptedWith(again, [["R-1", "2"]]);
    const reversal = (await visibleRecords(database.handle.db, again)).find((record) => record.reversal);
    expect(reversal).toMatchObject({ recordId: "R-1", quantity: "-1.25", amendsRecordId: replacement.id });
    expect((await billedSums())["R-1"]).toBe("2.00");
    expect(await originalRecords()).toEqual(billedBefore);
  });

  it("is refused for a file not yet accepted, for an amendment, and to anyone but the file's vendor", async () => {
    await seedDemoData(database.handle.db);
    expect(await amendUsageFile(acmeVendor, { amends: original, description: "", externalId: null })).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
    await acceptedWith(original, [["R-1", "1"]]);
    expect(await amendUsageFile(globexVendor, { amends: original, description: "", externalId: null })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(
      await amendUsageFile(northwindDistributor, { amends: original, description: "", externalId: null }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const amending = await amendment();
    expect(await amendUsageFile(acmeVendor, { amends: amending, description: "", externalId: null })).toMatchObject({
      ok: false,
      code: "invalid_transition",
      message: expect.stringContaining(original),
    });
  });

  it("restates the original's records without a double-billing warning, which another file would get", async () => {
    await seedDemoData(database.handle.db);
    await acceptedWith(original, [["R-1", "1"]]);
    const db = database.handle.db;
    const restated = csvOf([["R-1", "2"]]);
    const amending = await amendment();
    expect(await uploadAndProcess(db, amending, "usage.csv", restated)).toMatchObject({
      status: "ready",
      warningCounts: { overlaps_other_file: 0, duplicate_record_id_other_file: 0 },
    });
    const another = await createAcmeFile("Not an amendment");
    const { periodFrom, periodTo } = await usageFileRow(db, original);
    await setFilePeriod(db, another, periodFrom.toISOString(), periodTo.toISOString());
    expect(await uploadAndProcess(db, another, "usage.csv", restated)).toMatchObject({
      status: "ready",
      warningCounts: { overlaps_other_file: 1, duplicate_record_id_other_file: 1 },
    });
  });
});

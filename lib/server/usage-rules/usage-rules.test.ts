import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { events, usageRules } from "@/db/schema";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { usageFileRow } from "@/test/usage-file-state";
import { processedFile, setAsideSeededAcmeFiles } from "@/test/usage-guard";
import { acmeVendor } from "@/test/usage-workbooks";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { applyDueUsageRules } from "./apply-usage-rules";
import * as rulesRoute from "@/app/api/v1/usage/rules/route";
import * as ruleRoute from "@/app/api/v1/usage/rules/[id]/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();
const minuteMs = 60_000;
const cleanFile = "UF-2026-10-9400-0001";
const otherFile = "UF-2026-10-9400-0002";

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  await setAsideSeededAcmeFiles(database.handle.db);
});

const newRule = { name: "Clean Compute files", contract_id: "CRD-00001", product_id: "PRD-100-001" };

async function createRule(delayMinutes: number) {
  const created = await callApi(rulesRoute.POST, {
    method: "POST",
    path: "/usage/rules",
    key: await apiKeyOf("distributor@northwind.test"),
    json: { ...newRule, delay_minutes: delayMinutes },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
}

/** A processed file of the Acme contract, submitted; answers when it was submitted. */
async function submittedFile(id: string, usage: Parameters<typeof processedFile>[2]) {
  await processedFile(database.handle.db, id, usage);
  const submitted = await submitUsageFile(acmeVendor, id);
  if (!submitted.ok) throw new Error(submitted.message);
  return new Date();
}

describe("the usage rules API", () => {
  it("lets the contract's distributor set one rule per contract and product, and no one else", async () => {
    const rule = await createRule(60);
    const asDistributor = await apiKeyOf("distributor@northwind.test");

    const again = await callApi(rulesRoute.POST, {
      method: "POST",
      path: "/usage/rules",
      key: asDistributor,
      json: { ...newRule, delay_minutes: 5 },
    });
    const byVendor = await callApi(rulesRoute.POST, {
      method: "POST",
      path: "/usage/rules",
      key: await apiKeyOf("vendor@acme.test"),
      json: { ...newRule, delay_minutes: 5 },
    });
    const byReseller = await callApi(rulesRoute.POST, {
      method: "POST",
      path: "/usage/rules",
      key: await apiKeyOf("reseller@contoso.test"),
      json: { ...newRule, delay_minutes: 5 },
    });
    const resellersList = await callApi(rulesRoute.GET, {
      path: "/usage/rules",
      key: await apiKeyOf("reseller@contoso.test"),
    });
    const resellersRead = await callApi(ruleRoute.GET, {
      path: `/usage/rules/${rule.id}`,
      params: { id: rule.id },
      key: await apiKeyOf("reseller@contoso.test"),
    });
    const list = await callApi(rulesRoute.GET, { path: "/usage/rules", key: asDistributor });

    expect(again.status).toBe(409);
    expect(byVendor.status).toBe(403);
    expect(byReseller.status).toBe(422);
    expect(resellersList.body).toEqual([]);
    expect(resellersRead.status).toBe(404);
    expect(list.body).toMatchObject([
      { id: rule.id, name: newRule.name, contract_id: "CRD-00001", product_id: "PRD-100-001", delay_minutes: 60 },
    ]);
  });

  it("changes a rule's delay and turns it off", async () => {
    const rule = await createRule(60);
    const changed = await callApi(ruleRoute.PUT, {
      method: "PUT",
      path: `/usage/rules/${rule.id}`,
      params: { id: rule.id },
      key: await apiKeyOf("distributor@northwind.test"),
      json: { delay_minutes: 0, active: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ delay_minutes: 0, active: false });
  });
});

describe("an auto-accept rule", () => {
  it("accepts a clean file once its delay has passed, and says so in the history", async () => {
    await createRule(60);
    const submittedAt = await submittedFile(cleanFile, [{ recordId: "a-1", from: 0, to: 24 }]);

    expect(await applyDueUsageRules(new Date(submittedAt.getTime() + 59 * minuteMs))).toEqual([]);
    expect((await usageFileRow(database.handle.db, cleanFile)).status).toBe("pending");

    expect(await applyDueUsageRules(new Date(submittedAt.getTime() + 61 * minuteMs))).toEqual([cleanFile]);
    const file = await usageFileRow(database.handle.db, cleanFile);
    expect(file.status).toBe("accepted");
    expect(file.acceptanceNote).toBe("Accepted by the rule “Clean Compute files”: no warnings and no anomalies.");
    const [accept] = await database.handle.db
      .select()
      .from(events)
      .where(and(eq(events.objectId, cleanFile), eq(events.action, "accept")));
    expect(accept).toMatchObject({ actorUserId: null, details: { rule: "Clean Compute files" } });
  });

  it("never accepts a file with a warning", async () => {
    await createRule(0);
    await submittedFile(otherFile, [{ recordId: "b-1", from: 0, to: 24 }]);
    const submittedAt = await submittedFile(cleanFile, [{ recordId: "a-1", from: 12, to: 36 }]);

    const accepted = await applyDueUsageRules(new Date(submittedAt.getTime() + minuteMs));

    // The first file was clean when it was submitted, but is checked again when due: the second overlaps it.
    expect(accepted).toEqual([]);
    for (const id of [otherFile, cleanFile]) {
      const file = await usageFileRow(database.handle.db, id);
      expect(file.status).toBe("pending");
      expect(file.warningCounts).toMatchObject({ overlaps_other_file: 1 });
    }
  });

  it("does nothing while turned off, nor for another product's files", async () => {
    const rule = await createRule(0);
    await database.handle.db.update(usageRules).set({ active: false }).where(eq(usageRules.id, rule.id));
    const submittedAt = await submittedFile(cleanFile, [{ recordId: "a-1", from: 0, to: 24 }]);

    expect(await applyDueUsageRules(new Date(submittedAt.getTime() + minuteMs))).toEqual([]);
    await database.handle.db
      .update(usageRules)
      .set({ active: true, productId: "PRD-100-002" })
      .where(eq(usageRules.id, rule.id));
    expect(await applyDueUsageRules(new Date(submittedAt.getTime() + minuteMs))).toEqual([]);
    expect((await usageFileRow(database.handle.db, cleanFile)).status).toBe("pending");
  });
});

import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fromWire, toWire, wireFieldNames, wireInputSchema } from "./wire-names";

describe("the API's field names", () => {
  it("answers in snake_case, through arrays and nested objects, dates as they are", () => {
    const closedAt = new Date("2026-10-01T00:00:00Z");
    expect(
      toWire({ usageFileId: "UF-1", tier1AccountId: null, records: [{ externalBillingId: "INV-1", closedAt }] }),
    ).toEqual({
      usage_file_id: "UF-1",
      tier1_account_id: null,
      records: [{ external_billing_id: "INV-1", closed_at: closedAt }],
    });
  });

  it("leaves the keys of data maps as the vendor or the sheet wrote them", () => {
    const record = { params: { "v.regionCode": "eu" }, sheetCells: { record_id: "r-1", "v.regionCode": "eu" } };
    expect(toWire(record)).toEqual({
      params: { "v.regionCode": "eu" },
      sheet_cells: { record_id: "r-1", "v.regionCode": "eu" },
    });
    expect(fromWire({ parameters: { tenantId: "t-1" }, external_id: "x" })).toEqual({
      parameters: { tenantId: "t-1" },
      externalId: "x",
    });
  });

  it("reads request bodies back into the code's names", () => {
    expect(fromWire({ record_ids: ["UR-1"], external_billing_id: "INV-1", tier1_account_id: "ACC-1" })).toEqual({
      recordIds: ["UR-1"],
      externalBillingId: "INV-1",
      tier1AccountId: "ACC-1",
    });
  });

  it("keeps a `__proto__` key a field of its own, never the prototype of the copy", () => {
    const answer = toWire(JSON.parse('{"__proto__": {"isAdmin": true}, "externalId": "x"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
    expect(Object.hasOwn(answer, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(answer))).toEqual(
      JSON.parse('{"__proto__": {"is_admin": true}, "external_id": "x"}'),
    );
  });

  it("documents a schema's fields under the names a caller sends", () => {
    const schema = z.object({
      firstDay: z.string(),
      lines: z.array(z.object({ billingNote: z.string().default("") })),
    });
    expect(wireInputSchema(schema)).toMatchObject({
      required: ["first_day", "lines"],
      properties: {
        first_day: { type: "string" },
        lines: { items: { properties: { billing_note: { type: "string" } } } },
      },
    });
  });

  it("names a schema's top-level fields as a caller sends them, with the names the schema reads", () => {
    const query = z
      .object({
        limit: z.coerce.number().default(100),
        "usagefile.id": z.string().optional(),
        order_by: z.string().optional(),
        fileStatus: z.string().optional(),
      })
      .transform((input) => input);
    expect(wireFieldNames(query)).toEqual(
      new Map([
        ["limit", "limit"],
        ["usagefile.id", "usagefile.id"],
        ["order_by", "order_by"],
        ["file_status", "fileStatus"],
      ]),
    );
  });
});

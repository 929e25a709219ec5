import { describe, expect, it } from "vitest";
import { readSubscriptionHeader, sheetColumnOf, subscriptionRowFields } from "./admin-subscription-sheet";

describe("readSubscriptionHeader", () => {
  it("maps columns in any order and case to the subscription form's fields", () => {
    const header = readSubscriptionHeader(["External_ID", "product_id", "contract_id", "external_uid", "status", ""]);
    expect(header).toEqual({ fields: ["externalId", "productId", "contractId", "externalUid", "status", null] });
    if (!("fields" in header)) throw new Error("unreachable");
    expect(subscriptionRowFields(header.fields, ["EXT-1", "PRD-1", "CRD-1", "uid-1"])).toEqual({
      externalId: "EXT-1",
      productId: "PRD-1",
      contractId: "CRD-1",
      externalUid: "uid-1",
      status: "",
    });
  });

  it("names unknown and missing columns on row 1", () => {
    expect(readSubscriptionHeader(["product_id", "colour"])).toEqual({
      errors: [
        { row: 1, column: "colour", message: 'Unknown column "colour".' },
        { row: 1, column: "contract_id", message: 'The column "contract_id" is missing.' },
        { row: 1, column: "external_id", message: 'The column "external_id" is missing.' },
        { row: 1, column: "external_uid", message: 'The column "external_uid" is missing.' },
        { row: 1, column: "status", message: 'The column "status" is missing.' },
      ],
    });
  });

  it("finds the column of a field", () => {
    expect(sheetColumnOf("tier1AccountId")).toBe("tier1_account_id");
    expect(sheetColumnOf("nothing")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { amendmentName, amendmentRefusal, amendmentRoleOf, newUsageFileInput } from "./usage-amendments";

const record = { reversal: false, amendsRecordId: null, quantity: "1.5", amount: null };

describe("amendments", () => {
  it("are opened for Accepted and Closed originals only, never for an amendment", () => {
    expect(amendmentRefusal({ status: "accepted", amends: null })).toBeNull();
    expect(amendmentRefusal({ status: "closed", amends: null })).toBeNull();
    expect(amendmentRefusal({ status: "pending", amends: null })).toMatch(/Accepted or Closed/);
    expect(amendmentRefusal({ status: "accepted", amends: "UF-2026-10-1001-0001" })).toMatch(
      /Amend the original file UF-2026-10-1001-0001/,
    );
  });

  it("name a record's role by its link and its figures", () => {
    const amendment = { amends: "UF-2026-10-1001-0001" };
    expect(amendmentRoleOf({ amends: null }, record)).toBeNull();
    expect(amendmentRoleOf(amendment, record)).toBe("addition");
    expect(amendmentRoleOf(amendment, { ...record, amendsRecordId: 7 })).toBe("replacement");
    expect(amendmentRoleOf(amendment, { ...record, amendsRecordId: 7, quantity: "0" })).toBe("cancellation");
    expect(amendmentRoleOf(amendment, { ...record, amendsRecordId: 7, quantity: "0", amount: "0.00" })).toBe(
      "cancellation",
    );
    expect(amendmentRoleOf(amendment, { ...record, amendsRecordId: 7, quantity: "0", amount: "3" })).toBe(
      "replacement",
    );
    expect(amendmentRoleOf(amendment, { ...record, amendsRecordId: 7, reversal: true, quantity: "-1.5" })).toBe(
      "reversal",
    );
  });

  it("are named after their original and count on", () => {
    expect(amendmentName("October usage", 2)).toBe("October usage — amendment 2");
    expect(amendmentName("x".repeat(300), 1)).toHaveLength(200);
  });

  it("are told from a new file by the `amends` field of the create body", () => {
    expect(newUsageFileInput.parse({ amends: "UF-2026-10-1001-0001" })).toEqual({
      amends: "UF-2026-10-1001-0001",
      description: "",
      externalId: null,
    });
    expect(newUsageFileInput.safeParse({ amends: "nope" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { itemIdOf, newAdminObjectId } from "./ids";

describe("ids of objects admins create", () => {
  it("follow the seed's shapes with more digits", () => {
    const sevens = () => 0.7;
    expect(newAdminObjectId("account", sevens)).toBe("ACC-77777777");
    expect(newAdminObjectId("user", sevens)).toBe("USR-77777777");
    expect(newAdminObjectId("contract", sevens)).toBe("CRD-77777777");
    expect(newAdminObjectId("product", sevens)).toBe("PRD-777-777-777");
    expect(newAdminObjectId("subscription", sevens)).toBe("AS-7777-7777");
  });

  it("number items within their product", () => {
    expect(itemIdOf("PRD-100-001", 3)).toBe("PRD-100-001-0003");
  });
});

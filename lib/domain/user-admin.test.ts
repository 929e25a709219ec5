import { describe, expect, it } from "vitest";
import { clearedToAct, removesLastAdmin, roleFitsAccount } from "./user-admin";

describe("roleFitsAccount", () => {
  it("gives each kind of account its one role, resellers acting as distributors", () => {
    expect(roleFitsAccount("admin", "platform")).toBe(true);
    expect(roleFitsAccount("vendor", "vendor")).toBe(true);
    expect(roleFitsAccount("distributor", "distributor")).toBe(true);
    expect(roleFitsAccount("distributor", "reseller")).toBe(true);
    expect(roleFitsAccount("admin", "vendor")).toBe(false);
    expect(roleFitsAccount("vendor", "reseller")).toBe(false);
  });
});

describe("removesLastAdmin", () => {
  const admin = { role: "admin", active: true } as const;

  it("refuses demoting or deactivating the only active admin", () => {
    expect(removesLastAdmin(admin, { role: "vendor", active: true }, 1)).toBe(true);
    expect(removesLastAdmin(admin, { role: "admin", active: false }, 1)).toBe(true);
  });

  it("allows it while another active admin remains", () => {
    expect(removesLastAdmin(admin, { role: "vendor", active: true }, 2)).toBe(false);
  });

  it("never concerns changes that keep the admin, or users who are not active admins", () => {
    expect(removesLastAdmin(admin, admin, 1)).toBe(false);
    expect(removesLastAdmin({ role: "vendor", active: true }, { role: "vendor", active: false }, 1)).toBe(false);
    expect(removesLastAdmin({ role: "admin", active: false }, { role: "vendor", active: false }, 1)).toBe(false);
  });
});

describe("clearedToAct", () => {
  it("refuses a user holding a temporary password, saying to change it first", () => {
    expect(clearedToAct({ mustChangePassword: true })).toEqual({
      ok: false,
      code: "forbidden",
      message: expect.stringContaining("change your temporary password"),
    });
  });

  it("lets a user who chose their own password act", () => {
    const user = { id: "USR-1", mustChangePassword: false };
    expect(clearedToAct(user)).toEqual({ ok: true, value: user });
  });
});

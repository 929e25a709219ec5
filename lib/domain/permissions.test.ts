import { describe, expect, it } from "vitest";
import {
  canAuthorUsageFile,
  canReviewUsageFile,
  canSeeInternalNote,
  canTakeAction,
  contractScope,
  homePathOf,
  usageFileScope,
  type Actor,
} from "./permissions";
import { usageFileStatuses, type UsageFileStatus } from "./usage-file-status";

const acmeVendor: Actor = { userId: "u1", accountId: "acme", role: "vendor" };
const globexVendor: Actor = { userId: "u2", accountId: "globex", role: "vendor" };
const northwind: Actor = { userId: "u3", accountId: "northwind", role: "distributor" };
const contoso: Actor = { userId: "u4", accountId: "contoso", role: "distributor" };
const admin: Actor = { userId: "u5", accountId: "platform", role: "admin" };

const fileIn = (status: UsageFileStatus) => ({ vendorAccountId: "acme", distributorAccountId: "northwind", status });

describe("who sees a usage file", () => {
  it("shows a vendor its own account's files in every state but deleted", () => {
    const scope = usageFileScope(acmeVendor);
    expect(scope).toMatchObject({ kind: "vendor", vendorAccountId: "acme" });
    expect(scope.statuses).toEqual(usageFileStatuses.filter((status) => status !== "deleted"));
  });

  it("shows a distributor or reseller its own contracts' files only from Pending on", () => {
    expect(usageFileScope(northwind)).toEqual({
      kind: "distributor",
      distributorAccountId: "northwind",
      statuses: ["pending", "accepted", "rejected", "closed"],
    });
  });

  it("shows admins every file that is not deleted", () => {
    const scope = usageFileScope(admin);
    expect(scope.kind).toBe("all");
    expect(scope.statuses).not.toContain("deleted");
    expect(scope.statuses).toContain("draft");
  });
});

describe("whose contracts an actor works under (and sees the subscriptions of)", () => {
  it("keeps a vendor to those it sells under and a distributor to those it reviews; admins see all", () => {
    expect(contractScope(acmeVendor)).toEqual({ kind: "vendor", vendorAccountId: "acme" });
    expect(contractScope(contoso)).toEqual({ kind: "distributor", distributorAccountId: "contoso" });
    expect(contractScope(admin)).toEqual({ kind: "all" });
  });
});

describe("who acts on a usage file", () => {
  it("lets only the file's own vendor author it", () => {
    expect(canAuthorUsageFile(acmeVendor, fileIn("draft"))).toBe(true);
    expect(canAuthorUsageFile(globexVendor, fileIn("draft"))).toBe(false);
    expect(canAuthorUsageFile(northwind, fileIn("draft"))).toBe(false);
    expect(canAuthorUsageFile(admin, fileIn("draft"))).toBe(false);
  });

  it("lets only the contract's distributor or reseller review it", () => {
    expect(canReviewUsageFile(northwind, fileIn("pending"))).toBe(true);
    expect(canReviewUsageFile(contoso, fileIn("pending"))).toBe(false);
    expect(canReviewUsageFile(acmeVendor, fileIn("pending"))).toBe(false);
    expect(canReviewUsageFile(admin, fileIn("pending"))).toBe(false);
  });

  it("keeps the internal note to the vendor's account and admins", () => {
    expect(canSeeInternalNote(acmeVendor, fileIn("pending"))).toBe(true);
    expect(canSeeInternalNote(admin, fileIn("pending"))).toBe(true);
    expect(canSeeInternalNote(northwind, fileIn("pending"))).toBe(false);
    expect(canSeeInternalNote(globexVendor, fileIn("pending"))).toBe(false);
  });

  it("gives vendor actions to the vendor and review actions to the contract's reviewer", () => {
    for (const action of ["upload", "submit", "delete"] as const) {
      expect(canTakeAction(acmeVendor, fileIn("ready"), action)).toBe(true);
      expect(canTakeAction(northwind, fileIn("ready"), action)).toBe(false);
      expect(canTakeAction(admin, fileIn("ready"), action)).toBe(false);
    }
    for (const action of ["accept", "reject", "close"] as const) {
      expect(canTakeAction(northwind, fileIn("pending"), action)).toBe(true);
      expect(canTakeAction(contoso, fileIn("pending"), action)).toBe(false);
      expect(canTakeAction(acmeVendor, fileIn("pending"), action)).toBe(false);
    }
    expect(canTakeAction(acmeVendor, fileIn("processing"), "finish_valid")).toBe(false);
  });

  it("sends each role to its own home", () => {
    expect(homePathOf).toEqual({ admin: "/admin", vendor: "/vendor", distributor: "/distributor" });
  });
});

import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions";
import { canComment, commentInput, commentStatusesVisibleTo, commentTextMax } from "./usage-comments";

const file = { vendorAccountId: "ACC-ACME", distributorAccountId: "ACC-NORTHWIND" };
const actor = (accountId: string, role: Actor["role"]): Actor => ({ userId: "U", accountId, role });

describe("a comment", () => {
  it("is trimmed plain text, never empty, at most the limit", () => {
    expect(commentInput.parse({ text: "  The spike is real.\n" })).toEqual({ text: "The spike is real." });
    expect(commentInput.safeParse({ text: "   " }).success).toBe(false);
    expect(commentInput.safeParse({ text: "x".repeat(commentTextMax) }).success).toBe(true);
    expect(commentInput.safeParse({ text: "x".repeat(commentTextMax + 1) }).success).toBe(false);
    expect(commentInput.safeParse({ text: "a\0b" }).success).toBe(false);
  });

  it("is written by the file's vendor or its contract's reviewer, not by admins or others", () => {
    expect(canComment(actor("ACC-ACME", "vendor"), file)).toBe(true);
    expect(canComment(actor("ACC-NORTHWIND", "distributor"), file)).toBe(true);
    expect(canComment(actor("ACC-PLATFORM", "admin"), file)).toBe(false);
    expect(canComment(actor("ACC-GLOBEX", "vendor"), file)).toBe(false);
    expect(canComment(actor("ACC-CONTOSO", "distributor"), file)).toBe(false);
  });

  it("is read by a distributor only when written on a submitted file", () => {
    expect(commentStatusesVisibleTo({ role: "distributor" })).toEqual(["pending", "accepted", "rejected", "closed"]);
    expect(commentStatusesVisibleTo({ role: "vendor" })).toBe("all");
    expect(commentStatusesVisibleTo({ role: "admin" })).toBe("all");
  });
});

import { describe, expect, it } from "vitest";
import {
  changePasswordInput,
  createSubscriptionInput,
  createUserInput,
  formatParameters,
  parametersText,
} from "./admin-input";

describe("parametersText", () => {
  it("reads name=value pairs separated by semicolons, values may hold '='", () => {
    expect(parametersText.parse("subdomain = acme; region=eu-west;token=a=b")).toEqual({
      subdomain: "acme",
      region: "eu-west",
      token: "a=b",
    });
    expect(parametersText.parse("")).toEqual({});
    expect(parametersText.parse(undefined)).toEqual({});
  });

  it("reads back what formatParameters writes", () => {
    const parameters = { subdomain: "acme", token: "a=b" };
    expect(formatParameters(parameters)).toBe("subdomain=acme; token=a=b");
    expect(parametersText.parse(formatParameters(parameters))).toEqual(parameters);
    expect(formatParameters({})).toBe("");
  });

  it("names the pair it cannot read", () => {
    const result = parametersText.safeParse("region");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"region"');
  });
});

describe("createSubscriptionInput", () => {
  const row = {
    productId: "PRD-1",
    contractId: "CRD-1",
    externalId: "EXT-1",
    externalUid: "uid-1",
    parameters: "region=eu",
    status: "active",
    activeFrom: "2026-01-01",
    activeTo: "",
    tier1AccountId: "",
  };

  it("turns days into UTC midnights and empty cells into nothing", () => {
    expect(createSubscriptionInput.parse(row)).toMatchObject({
      activeFrom: new Date("2026-01-01T00:00:00Z"),
      activeTo: null,
      tier1AccountId: null,
      tier2AccountId: null,
      parameters: { region: "eu" },
    });
  });

  it("refuses a window that ends before it starts, on the end field", () => {
    const result = createSubscriptionInput.safeParse({ ...row, activeTo: "2025-12-31" });
    expect(result.error?.issues[0]?.path).toEqual(["activeTo"]);
  });

  it("refuses an unknown status and a date it cannot read", () => {
    expect(createSubscriptionInput.safeParse({ ...row, status: "paused" }).success).toBe(false);
    expect(createSubscriptionInput.safeParse({ ...row, activeFrom: "next week" }).success).toBe(false);
  });
});

describe("createUserInput", () => {
  it("keeps emails lower-case, as the users table requires", () => {
    expect(
      createUserInput.parse({ email: " Jo@Example.TEST ", name: "Jo", accountId: "ACC-1", role: "vendor" }).email,
    ).toBe("jo@example.test");
  });
});

describe("changePasswordInput", () => {
  it("wants the confirmation to match and the password to change", () => {
    const mismatch = changePasswordInput.safeParse({
      currentPassword: "old-password-1",
      newPassword: "new-password-12",
      confirmPassword: "x",
    });
    expect(mismatch.error?.issues.map((i) => i.path[0])).toContain("confirmPassword");
    const same = changePasswordInput.safeParse({
      currentPassword: "same-password-1",
      newPassword: "same-password-1",
      confirmPassword: "same-password-1",
    });
    expect(same.error?.issues.map((i) => i.path[0])).toEqual(["newPassword"]);
  });
});

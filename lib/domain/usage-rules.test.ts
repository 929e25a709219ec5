import { describe, expect, it } from "vitest";
import {
  canManageUsageRules,
  createUsageRuleInput,
  delayLabel,
  isCleanFile,
  updateUsageRuleInput,
  usageRuleFormInput,
} from "./usage-rules";

const noWarnings = { overlaps_other_file: 0, duplicate_record_id_other_file: 0, overlaps_in_file: 0 };
const noAnomalies = { spike: 0, drop: 0, new: 0, vanished: 0 };

describe("usage rules", () => {
  it("let a contract's distributor and admins set them, nobody else", () => {
    const contract = { distributorAccountId: "ACC-0004" };
    expect(canManageUsageRules({ userId: "u", accountId: "ACC-0004", role: "distributor" }, contract)).toBe(true);
    expect(canManageUsageRules({ userId: "u", accountId: "ACC-0000", role: "admin" }, contract)).toBe(true);
    expect(canManageUsageRules({ userId: "u", accountId: "ACC-0005", role: "distributor" }, contract)).toBe(false);
    expect(canManageUsageRules({ userId: "u", accountId: "ACC-0004", role: "vendor" }, contract)).toBe(false);
  });

  it("accept only a checked file without any warning or anomaly", () => {
    expect(isCleanFile({ warningCounts: noWarnings, anomalyCounts: noAnomalies })).toBe(true);
    expect(isCleanFile({ warningCounts: { ...noWarnings, overlaps_in_file: 1 }, anomalyCounts: noAnomalies })).toBe(
      false,
    );
    expect(isCleanFile({ warningCounts: noWarnings, anomalyCounts: { ...noAnomalies, vanished: 2 } })).toBe(false);
    expect(isCleanFile({ warningCounts: null, anomalyCounts: noAnomalies })).toBe(false);
  });

  it("take a delay of whole minutes up to a month, and refuse an empty change", () => {
    const rule = { name: "Clean files", contractId: "CRD-00001", productId: "PRD-100-001" };
    expect(createUsageRuleInput.parse({ ...rule, delayMinutes: "90" })).toMatchObject({
      delayMinutes: 90,
      active: true,
    });
    expect(createUsageRuleInput.safeParse({ ...rule, delayMinutes: -1 }).success).toBe(false);
    expect(createUsageRuleInput.safeParse({ ...rule, delayMinutes: 60 * 24 * 40 }).success).toBe(false);
    expect(updateUsageRuleInput.safeParse({}).success).toBe(false);
  });

  it("read the form's one contract-and-product choice, and say the delay in words", () => {
    expect(
      usageRuleFormInput.parse({ name: "x", target: "CRD-00001/PRD-100-001", delayMinutes: "1530" }),
    ).toMatchObject({ contractId: "CRD-00001", productId: "PRD-100-001", delayMinutes: 1530 });
    expect(delayLabel(0)).toBe("at once");
    expect(delayLabel(1530)).toBe("1 day 1 hour 30 minutes");
    expect(delayLabel(120)).toBe("2 hours");
  });
});

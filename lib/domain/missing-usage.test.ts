import { describe, expect, it } from "vitest";
import { expectsUsageIn, missingUsageListQuery, usageReportingStatuses } from "./missing-usage";
import { monthPeriod } from "./usage-file-input";

const june = monthPeriod("2024-06");
const at = (day: string) => new Date(`${day}T00:00:00Z`);
const active = { status: "active" as const, activeFrom: null, activeTo: null };

describe("a subscription expected to report usage for a month", () => {
  it("is an active one whose window overlaps the month, an open end open", () => {
    expect(expectsUsageIn(active, june)).toBe(true);
    expect(expectsUsageIn({ ...active, activeFrom: at("2024-06-30") }, june)).toBe(true);
    expect(expectsUsageIn({ ...active, activeTo: at("2024-06-02") }, june)).toBe(true);
    expect(expectsUsageIn({ ...active, activeFrom: at("2020-01-01"), activeTo: at("2030-01-01") }, june)).toBe(true);
  });

  it("is not one whose window only touches the month, or misses it", () => {
    expect(expectsUsageIn({ ...active, activeTo: at("2024-06-01") }, june)).toBe(false);
    expect(expectsUsageIn({ ...active, activeFrom: at("2024-07-01") }, june)).toBe(false);
    expect(expectsUsageIn({ ...active, activeFrom: at("2023-01-01"), activeTo: at("2024-01-01") }, june)).toBe(false);
  });

  it("is not a suspended or terminated one, whatever its window", () => {
    expect(expectsUsageIn({ ...active, status: "suspended" }, june)).toBe(false);
    expect(expectsUsageIn({ ...active, status: "terminated", activeTo: at("2024-06-15") }, june)).toBe(false);
  });
});

describe("the files that report a subscription's usage", () => {
  const actor = (role: "vendor" | "distributor" | "admin") => ({ userId: "U", accountId: "A", role });

  it("are every live file for its vendor and for admins, Ready included", () => {
    expect(usageReportingStatuses(actor("vendor"))).toEqual(["ready", "pending", "accepted", "closed"]);
    expect(usageReportingStatuses(actor("admin"))).toEqual(["ready", "pending", "accepted", "closed"]);
  });

  it("are only the submitted live files for a distributor, who never sees a Ready one", () => {
    expect(usageReportingStatuses(actor("distributor"))).toEqual(["pending", "accepted", "closed"]);
  });
});

describe("the missing-usage table's URL", () => {
  it("keeps a month and drops anything else, for the page's default to apply", () => {
    expect(missingUsageListQuery.parse({ period: "2024-06" }).period).toBe("2024-06");
    expect(missingUsageListQuery.parse({ period: "2024-13" }).period).toBeUndefined();
    expect(missingUsageListQuery.parse({}).sort).toEqual({ column: "externalId", desc: false });
    expect(missingUsageListQuery.parse({ sort: "status" }).sort).toEqual({ column: "externalId", desc: false });
  });
});

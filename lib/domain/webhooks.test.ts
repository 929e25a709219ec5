import { describe, expect, it } from "vitest";
import { defaultRetrySchedule, parseRetrySchedule } from "./retry-schedule";
import {
  canManageWebhookEndpoint,
  isPublicAddress,
  nextAttemptAfterFailure,
  privateAddressProblem,
  shouldDisableEndpoint,
  webhookUrlProblem,
} from "./webhooks";

describe("the retry schedule", () => {
  it("reads the default, 5s,5m,30m,2h,5h,10h,10h", () => {
    expect(parseRetrySchedule(defaultRetrySchedule)).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it("refuses what is not a list of durations", () => {
    expect(parseRetrySchedule("5s,soon")).toBeNull();
    expect(parseRetrySchedule("")).toBeNull();
    expect(parseRetrySchedule("200ms, 1d")).toEqual([200, 86_400_000]);
  });

  it("waits the schedule's time after each failed attempt, and gives up after the last", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(nextAttemptAfterFailure([5_000, 300_000], 1, now)).toEqual(new Date("2026-12-01T00:00:05Z"));
    expect(nextAttemptAfterFailure([5_000, 300_000], 2, now)).toEqual(new Date("2026-12-01T00:05:00Z"));
    expect(nextAttemptAfterFailure([5_000, 300_000], 3, now)).toBeNull();
  });

  it("turns an endpoint off after 5 days of failures, not before", () => {
    const since = new Date("2026-12-01T00:00:00Z");
    expect(shouldDisableEndpoint(since, new Date("2026-12-05T23:59:59Z"))).toBe(false);
    expect(shouldDisableEndpoint(since, new Date("2026-12-06T00:00:00Z"))).toBe(true);
  });
});

describe("where webhooks may go", () => {
  it("lets only public unicast addresses receive", () => {
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    const internal = [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ];
    for (const address of internal) expect(isPublicAddress(address), address).toBe(false);
  });

  it("takes https URLs only, and no loopback, private or link-local address", () => {
    expect(webhookUrlProblem("https://billing.invalid/hooks", false)).toBeNull();
    expect(webhookUrlProblem("http://billing.invalid/hooks", false)).toBe("Webhook URLs must use https.");
    expect(webhookUrlProblem("https://127.0.0.1/hooks", false)).toBe(privateAddressProblem);
    expect(webhookUrlProblem("https://[::1]/hooks", false)).toBe(privateAddressProblem);
    expect(webhookUrlProblem("https://169.254.169.254/latest", false)).toBe(privateAddressProblem);
    expect(webhookUrlProblem("https://localhost:8443/", false)).toBe(privateAddressProblem);
    expect(webhookUrlProblem("https://user:pw@billing.invalid/", false)).toMatch(/user name/);
    expect(webhookUrlProblem("billing", false)).toMatch(/full URL/);
  });

  it("lets local addresses and plain http through when private URLs are allowed (tests, local use)", () => {
    expect(webhookUrlProblem("http://127.0.0.1:9000/hooks", true)).toBeNull();
    expect(webhookUrlProblem("ftp://127.0.0.1/hooks", true)).toBe("Webhook URLs must use https.");
  });
});

describe("who manages an endpoint", () => {
  it("is its account's users, and admins", () => {
    const endpoint = { accountId: "ACC-ACME" };
    expect(canManageWebhookEndpoint({ userId: "U1", accountId: "ACC-ACME", role: "vendor" }, endpoint)).toBe(true);
    expect(canManageWebhookEndpoint({ userId: "U2", accountId: "ACC-GLOBEX", role: "vendor" }, endpoint)).toBe(false);
    expect(canManageWebhookEndpoint({ userId: "U3", accountId: "ACC-PLATFORM", role: "admin" }, endpoint)).toBe(true);
  });
});

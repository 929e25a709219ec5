import { describe, expect, it } from "vitest";
import {
  endpointDisabledMail,
  mailableTopics,
  mailPreferencesInput,
  mailTopicsOf,
  notificationMail,
} from "./notification-mail";
import { payloadFor, type Notification } from "./notifications";

const rejected: Notification = {
  type: "usage_file.rejected",
  occurredAt: new Date("2026-11-03T10:00:00Z"),
  vendorAccountId: "ACC-0002",
  distributorAccountId: "ACC-0004",
  fileStatus: "rejected",
  file: {
    id: "UF-2026-10-1001-0003",
    name: "October compute",
    status: "rejected",
    vendor_name: "Acme",
    distributor_name: "Northwind",
    product_name: "Compute",
    rejection_note: "Row 4 bills a cancelled subscription.",
    internal_note: "Warehouse job #4711",
  },
};
const vendor = { accountId: "ACC-0002", role: "vendor" as const };
const distributor = { accountId: "ACC-0004", role: "distributor" as const };

describe("what mails whom", () => {
  it("mails a distributor a file awaiting review, and a vendor its invalid, rejected and accepted files, and both the comments, until they choose", () => {
    expect(mailTopicsOf({ role: "distributor", emailEvents: null })).toEqual([
      "usage_file.submitted",
      "usage_file.commented",
      "webhook_endpoint.disabled",
    ]);
    expect(mailTopicsOf({ role: "vendor", emailEvents: null })).toEqual([
      "usage_file.invalid",
      "usage_file.rejected",
      "usage_file.accepted",
      "usage_file.commented",
      "webhook_endpoint.disabled",
    ]);
    expect(mailTopicsOf({ role: "vendor", emailEvents: [] })).toEqual([]);
  });

  it("offers each role only what reaches it, and everyone their endpoints turned off", () => {
    expect(mailableTopics("distributor")).not.toContain("usage_file.uploaded");
    expect(mailableTopics("distributor")).toContain("usage_file.submitted");
    expect(mailableTopics("vendor")).toContain("usage_file.uploaded");
    expect(mailableTopics("admin")).toEqual(["webhook_endpoint.disabled"]);
  });

  it("reads the profile's checkboxes, none checked included", () => {
    expect(mailPreferencesInput.parse({ "event:usage_file.invalid": "on", "event:bogus": "on" })).toEqual({
      topics: ["usage_file.invalid"],
    });
    expect(mailPreferencesInput.parse({})).toEqual({ topics: [] });
  });
});

describe("a notification mail", () => {
  it("says what happened, the file's notes and its link, in plain text", () => {
    const mail = notificationMail(
      payloadFor(vendor, rejected)!,
      "https://p.test/vendor/files/x",
      "https://p.test/profile",
    );
    expect(mail.subject).toBe("Usage file rejected: October compute (UF-2026-10-1001-0003)");
    expect(mail.text.split("\n")).toEqual([
      "Usage file rejected: October compute (UF-2026-10-1001-0003)",
      "",
      "Vendor: Acme",
      "Distributor: Northwind",
      "Product: Compute",
      "Status: rejected",
      "Rejection note: Row 4 bills a cancelled subscription.",
      "Internal note: Warehouse job #4711",
      "",
      "Open it: https://p.test/vendor/files/x",
      "",
      "You receive this because of your e-mail settings: https://p.test/profile",
    ]);
  });

  it("never carries the vendor's internal note to the distributor", () => {
    const mail = notificationMail(payloadFor(distributor, rejected)!, "https://p.test/d", "https://p.test/profile");
    expect(mail.text).toContain("Rejection note: Row 4 bills a cancelled subscription.");
    expect(mail.text).not.toContain("Warehouse job #4711");
  });

  it("counts the records of a closing batch", () => {
    const closed: Notification = {
      ...rejected,
      type: "usage_records.closed",
      fileStatus: "accepted",
      records: { count: 12, ids: [], allRemaining: false },
    };
    expect(notificationMail(payloadFor(distributor, closed)!, "l", "s").text).toContain("Records closed: 12");
  });

  it("quotes a comment with its writer and record, never the internal note", () => {
    const commented: Notification = {
      ...rejected,
      type: "usage_file.commented",
      comment: {
        id: "UC-3",
        text: "The spike is real:\na migration ran.",
        author_name: "Ada",
        author_account_id: "ACC-0002",
        author_account_name: "Acme",
        created_at: "2026-11-03T11:00:00.000Z",
        record: { id: "UR-9", record_id: "r-9" },
      },
    };
    const mail = notificationMail(payloadFor(distributor, commented)!, "https://p.test/d", "https://p.test/profile");
    expect(mail.subject).toBe("New comment: October compute (UF-2026-10-1001-0003)");
    expect(mail.text.split("\n").slice(2, 7)).toEqual([
      "Ada (Acme) wrote:",
      "On record r-9 (UR-9)",
      "",
      "The spike is real:",
      "a migration ran.",
    ]);
    expect(mail.text).not.toContain("Warehouse job #4711");
  });

  it("tells an endpoint's owners why it was turned off and where to turn it back on", () => {
    const mail = endpointDisabledMail(
      { url: "https://billing.test/hooks", reason: "Every delivery failed for 5 days; turned off." },
      "https://p.test/settings/webhooks",
      "https://p.test/profile",
    );
    expect(mail.subject).toBe("Webhook endpoint turned off: https://billing.test/hooks");
    expect(mail.text).toContain("Every delivery failed for 5 days; turned off.");
    expect(mail.text).toContain("Open the webhooks: https://p.test/settings/webhooks");
  });
});

import { describe, expect, it } from "vitest";
import { usageFileActions } from "./usage-file-status";
import {
  mayReceive,
  notificationTypeOf,
  notificationTypesFor,
  payloadFor,
  type Audience,
  type Notification,
  type NotificationType,
} from "./notifications";

const acme: Audience = { accountId: "ACC-ACME", role: "vendor" };
const globex: Audience = { accountId: "ACC-GLOBEX", role: "vendor" };
const northwind: Audience = { accountId: "ACC-NORTHWIND", role: "distributor" };
const contoso: Audience = { accountId: "ACC-CONTOSO", role: "distributor" };
const admin: Audience = { accountId: "ACC-PLATFORM", role: "admin" };

const statusAfter: Record<NotificationType, Notification["fileStatus"]> = {
  "usage_file.created": "draft",
  "usage_file.uploaded": "uploading",
  "usage_file.ready": "ready",
  "usage_file.invalid": "invalid",
  "usage_file.submitted": "pending",
  "usage_file.accepted": "accepted",
  "usage_file.rejected": "rejected",
  "usage_file.closed": "closed",
  "usage_file.deleted": "deleted",
  "usage_records.closed": "accepted",
  "usage_file.commented": "rejected",
};

const comment = {
  id: "UC-1",
  text: "The spike is real: a migration ran.",
  author_name: "Ada Vendor",
  author_account_id: acme.accountId,
  author_account_name: "Acme Cloud",
  created_at: "2026-11-02T10:00:00.000Z",
  record: { id: "UR-7", record_id: "r-7" },
};

function notification(type: NotificationType, fileStatus = statusAfter[type]): Notification {
  return {
    type,
    occurredAt: new Date("2026-11-02T10:00:00Z"),
    vendorAccountId: acme.accountId,
    distributorAccountId: northwind.accountId,
    fileStatus,
    file: { id: "UF-1", status: fileStatus, internal_note: "Margin is thin on this one" },
    records: type === "usage_records.closed" ? { count: 2, ids: ["UR-1", "UR-2"], allRemaining: false } : null,
    comment: type === "usage_file.commented" ? comment : null,
  };
}

const types = Object.keys(statusAfter) as NotificationType[];
const receivedBy = (audience: Audience) => types.filter((type) => mayReceive(audience, notification(type)));

describe("who receives which notification", () => {
  it("tells the file's vendor everything, and admins everything", () => {
    expect(receivedBy(acme)).toEqual(types);
    expect(receivedBy(admin)).toEqual(types);
  });

  it("tells the contract's distributor nothing before the file is submitted, nor of its deletion", () => {
    expect(receivedBy(northwind)).toEqual([
      "usage_file.submitted",
      "usage_file.accepted",
      "usage_file.rejected",
      "usage_file.closed",
      "usage_records.closed",
      "usage_file.commented",
    ]);
  });

  it("offers each role, for its endpoints and mails, exactly the types it may receive", () => {
    expect(notificationTypesFor("distributor")).toEqual(receivedBy(northwind));
    expect(notificationTypesFor("vendor")).toEqual(receivedBy(acme));
  });

  it("tells another vendor, and the distributor or reseller of another contract, nothing", () => {
    expect(receivedBy(globex)).toEqual([]);
    expect(receivedBy(contoso)).toEqual([]);
  });

  it("tells the distributor nothing of a rejected file uploaded again", () => {
    expect(mayReceive(northwind, notification("usage_file.uploaded", "uploading"))).toBe(false);
    expect(mayReceive(northwind, notification("usage_file.ready", "ready"))).toBe(false);
  });

  it("tells the distributor nothing of a comment the vendor wrote before submitting", () => {
    for (const status of ["draft", "invalid", "ready"] as const) {
      expect(mayReceive(northwind, notification("usage_file.commented", status))).toBe(false);
      expect(mayReceive(acme, notification("usage_file.commented", status))).toBe(true);
    }
    expect(mayReceive(northwind, notification("usage_file.commented", "pending"))).toBe(true);
  });
});

describe("what a notification carries", () => {
  it("is {type, timestamp, data}, data the file with the vendor's internal note for the vendor", () => {
    expect(payloadFor(acme, notification("usage_file.submitted"))).toEqual({
      type: "usage_file.submitted",
      timestamp: "2026-11-02T10:00:00.000Z",
      data: { id: "UF-1", status: "pending", internal_note: "Margin is thin on this one" },
    });
  });

  it("never carries the internal note to the distributor", () => {
    expect(payloadFor(northwind, notification("usage_file.submitted"))?.data).toEqual({
      id: "UF-1",
      status: "pending",
      internal_note: null,
    });
    const closed = payloadFor(northwind, notification("usage_records.closed"))?.data;
    expect(closed).toEqual({
      usage_file: { id: "UF-1", status: "accepted", internal_note: null },
      count: 2,
      ids: ["UR-1", "UR-2"],
      all_remaining: false,
    });
  });

  it("carries a comment beside the file, with its record, the internal note still the vendor's only", () => {
    expect(payloadFor(northwind, notification("usage_file.commented"))?.data).toEqual({
      usage_file: { id: "UF-1", status: "rejected", internal_note: null },
      comment,
    });
    expect(payloadFor(acme, notification("usage_file.commented"))?.data).toMatchObject({
      usage_file: { internal_note: "Margin is thin on this one" },
    });
  });

  it("is nothing at all for whom may not receive it", () => {
    expect(payloadFor(northwind, notification("usage_file.ready"))).toBeNull();
    expect(payloadFor(globex, notification("usage_file.submitted"))).toBeNull();
  });
});

describe("which transition announces what", () => {
  it("announces every person's action and each processing outcome, not the start of processing", () => {
    const announced = Object.fromEntries(usageFileActions.map((action) => [action, notificationTypeOf(action)]));
    expect(announced).toEqual({
      upload: "usage_file.uploaded",
      start_processing: null,
      finish_valid: "usage_file.ready",
      finish_invalid: "usage_file.invalid",
      fail_processing: "usage_file.invalid",
      correct: "usage_file.ready",
      submit: "usage_file.submitted",
      accept: "usage_file.accepted",
      reject: "usage_file.rejected",
      close: "usage_file.closed",
      delete: "usage_file.deleted",
    });
  });
});

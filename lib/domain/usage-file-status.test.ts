import { describe, expect, it } from "vitest";
import {
  allowedActions,
  recordStatusOf,
  recordsWithStatus,
  statusAfter,
  statusesAllowing,
  transition,
} from "./usage-file-status";

describe("usage file transitions", () => {
  it("follows the lifecycle from Draft to Closed", () => {
    const steps = [
      ["draft", "upload", "uploading"],
      ["uploading", "start_processing", "processing"],
      ["processing", "finish_valid", "ready"],
      ["ready", "submit", "pending"],
      ["pending", "accept", "accepted"],
      ["accepted", "close", "closed"],
    ] as const;
    for (const [from, action, to] of steps) {
      expect(transition(from, action)).toEqual({ ok: true, from, to });
    }
  });

  it("lets the system start processing again after a crash, and give a file up as Invalid", () => {
    expect(transition("processing", "start_processing")).toEqual({ ok: true, from: "processing", to: "processing" });
    expect(transition("processing", "finish_invalid")).toMatchObject({ ok: true, to: "invalid" });
    for (const from of ["uploading", "processing"] as const) {
      expect(transition(from, "fail_processing")).toMatchObject({ ok: true, to: "invalid" });
    }
    expect(transition("ready", "start_processing")).toMatchObject({ ok: false });
    expect(transition("ready", "fail_processing")).toMatchObject({ ok: false });
    expect(transition("uploading", "finish_valid")).toMatchObject({ ok: false });
  });

  it("lets a vendor re-upload Invalid, Ready and Rejected files", () => {
    for (const from of ["invalid", "ready", "rejected"] as const) {
      expect(transition(from, "upload")).toMatchObject({ ok: true, to: "uploading" });
    }
  });

  it("lets a vendor submit a Rejected file again, as it is or corrected in the browser", () => {
    expect(transition("rejected", "submit")).toEqual({ ok: true, from: "rejected", to: "pending" });
    expect(allowedActions("rejected")).toEqual(["upload", "submit", "delete"]);
  });

  it("refuses what the table does not allow, with a message naming the states", () => {
    expect(transition("invalid", "submit")).toEqual({
      ok: false,
      message: "This usage file is Invalid; only Ready, Rejected files can be submitted.",
    });
    expect(transition("pending", "upload")).toMatchObject({ ok: false });
    expect(transition("accepted", "accept")).toMatchObject({ ok: false });
    expect(transition("pending", "delete")).toMatchObject({ ok: false });
    expect(transition("closed", "close")).toMatchObject({ ok: false });
  });

  it("offers a file's page only the actions its status allows", () => {
    expect(allowedActions("draft")).toEqual(["upload", "delete"]);
    expect(allowedActions("ready")).toEqual(["upload", "submit", "delete"]);
    expect(allowedActions("pending")).toEqual(["accept", "reject"]);
    expect(allowedActions("closed")).toEqual([]);
  });

  it("gives each update the statuses it may start from and the one it leads to", () => {
    expect(statusesAllowing("delete")).toEqual(["draft", "invalid", "ready", "rejected"]);
    expect(statusAfter("delete")).toBe("deleted");
    expect(statusAfter("upload")).toBe("uploading");
  });
});

describe("record status follows the file", () => {
  const plain = { hasErrors: false, closed: false };

  it("maps file states to record states", () => {
    expect(recordStatusOf("processing", plain)).toBe("uploaded");
    expect(recordStatusOf("ready", plain)).toBe("validated");
    expect(recordStatusOf("pending", plain)).toBe("pending");
    expect(recordStatusOf("accepted", plain)).toBe("accepted");
    expect(recordStatusOf("rejected", plain)).toBe("rejected");
    expect(recordStatusOf("closed", plain)).toBe("closed");
  });

  it("keeps a record's own state: invalid, or closed with its billing id", () => {
    expect(recordStatusOf("invalid", { hasErrors: true, closed: false })).toBe("invalid");
    expect(recordStatusOf("accepted", { hasErrors: false, closed: true })).toBe("closed");
  });
});

describe("correcting records in the browser", () => {
  it("makes an Invalid file Ready, and is refused on any other file", () => {
    expect(transition("invalid", "correct")).toEqual({ ok: true, from: "invalid", to: "ready" });
    expect(transition("pending", "correct")).toEqual({
      ok: false,
      message: "This usage file is Pending; only Invalid files can be corrected.",
    });
  });
});

describe("which records have a status", () => {
  const pending = { status: "pending", allClosed: false } as const;

  it("finds invalid records by their errors, whatever the file's status", () => {
    expect(recordsWithStatus(pending, "invalid")).toBe("with_errors");
  });

  it("finds the plain records that follow their file's status, and none of another", () => {
    expect(recordsWithStatus(pending, "pending")).toBe("open");
    expect(recordsWithStatus(pending, "accepted")).toBe("none");
    expect(recordsWithStatus({ status: "ready", allClosed: false }, "validated")).toBe("open");
  });

  it("finds closed records by their own closing, or all valid ones once the file closed them all", () => {
    expect(recordsWithStatus({ status: "accepted", allClosed: false }, "closed")).toBe("closed_alone");
    expect(recordsWithStatus({ status: "accepted", allClosed: true }, "closed")).toBe("valid");
    expect(recordsWithStatus({ status: "accepted", allClosed: true }, "accepted")).toBe("none");
    expect(recordsWithStatus({ status: "closed", allClosed: true }, "closed")).toBe("valid");
  });
});

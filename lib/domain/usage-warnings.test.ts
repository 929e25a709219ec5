import { describe, expect, it } from "vitest";
import { usageFileStatuses } from "./usage-file-status";
import {
  describeWarning,
  liveUsageFileStatuses,
  warningCounterpartStatuses,
  warningCountsOf,
  windowsOverlap,
} from "./usage-warnings";

const hour = 3_600_000;
const window = (startHour: number, endHour: number) => ({ start: startHour * hour, end: endHour * hour });

describe("usage windows", () => {
  it("overlap when each starts before the other ends", () => {
    expect(windowsOverlap(window(0, 2), window(1, 3))).toBe(true);
    expect(windowsOverlap(window(1, 3), window(0, 2))).toBe(true);
    expect(windowsOverlap(window(0, 10), window(4, 5))).toBe(true);
    expect(windowsOverlap(window(0, 1), window(0, 1))).toBe(true);
  });

  it("do not overlap when one ends where the other starts, or before", () => {
    expect(windowsOverlap(window(0, 1), window(1, 2))).toBe(false);
    expect(windowsOverlap(window(1, 2), window(0, 1))).toBe(false);
    expect(windowsOverlap(window(0, 1), window(5, 6))).toBe(false);
  });
});

describe("live usage files", () => {
  it("are Ready, Pending, Accepted and Closed; never Deleted, Rejected, Invalid or unfinished", () => {
    expect([...liveUsageFileStatuses].sort()).toEqual(["accepted", "closed", "pending", "ready"]);
    const notLive = usageFileStatuses.filter(
      (status) => !(liveUsageFileStatuses as readonly string[]).includes(status),
    );
    expect(notLive).toEqual(["draft", "uploading", "processing", "invalid", "rejected", "deleted"]);
  });
});

describe("a warning's message", () => {
  const other = { otherFileId: "UF-2026-10-1001-0005", otherRecordId: 42, otherRecordKey: "rec-7" };

  it("names the other file and record of an overlap", () => {
    expect(describeWarning({ code: "overlaps_other_file", ...other })).toEqual({
      code: "overlaps_other_file",
      message:
        "Overlaps record rec-7 (UR-42) of usage file UF-2026-10-1001-0005: same subscription and item, overlapping time window.",
      otherFileId: "UF-2026-10-1001-0005",
      otherRecordId: "UR-42",
    });
  });

  it("names the record that already uses a record id", () => {
    expect(describeWarning({ code: "duplicate_record_id_other_file", ...other }).message).toBe(
      "Record id rec-7 is already used by UR-42 in usage file UF-2026-10-1001-0005.",
    );
  });

  it("names the other record of the same file", () => {
    expect(describeWarning({ code: "overlaps_in_file", ...other }).message).toBe(
      "Overlaps record rec-7 (UR-42) of this file: same subscription and item, overlapping time window.",
    );
  });
});

describe("warning counts", () => {
  it("count every code, at zero when no record has it", () => {
    expect(warningCountsOf([{ code: "overlaps_in_file", records: 3 }])).toEqual({
      overlaps_other_file: 0,
      duplicate_record_id_other_file: 0,
      overlaps_in_file: 3,
    });
  });
});

describe("the files a file is checked against", () => {
  it("are every live file until it is submitted, then only those its reviewer may see", () => {
    expect(warningCounterpartStatuses({ submitted: false })).toEqual(liveUsageFileStatuses);
    expect(warningCounterpartStatuses({ submitted: true })).toEqual(["pending", "accepted", "closed"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  errorSummarySchema,
  mergeErrorSummaries,
  quoteValue,
  withoutRecordErrors,
  summarizeErrors,
  type RecordError,
} from "./record-errors";

const notANumber: RecordError = {
  column: "quantity",
  code: "not_a_number",
  message: 'quantity "1,5" is not a number.',
};
const badTier: RecordError = { column: "tier", code: "invalid_tier", message: 'tier "3" is not 0, 1 or 2.' };

describe("summarizeErrors", () => {
  it("counts errors by code, invalid records and the total", () => {
    const summary = summarizeErrors();
    summary.add(2, [notANumber, badTier]);
    summary.add(3, []);
    summary.add(7, [notANumber]);
    expect(summary.summary()).toMatchObject({
      total: 3,
      invalidRecords: 2,
      byCode: { not_a_number: 2, invalid_tier: 1 },
    });
  });

  it("keeps the first errors with their row, column and message, up to the cap", () => {
    const summary = summarizeErrors(2);
    summary.add(2, [notANumber, badTier]);
    summary.add(9, [notANumber]);
    const { first, total } = summary.summary();
    expect(total).toBe(3);
    expect(first).toEqual([
      { row: 2, column: "quantity", code: "not_a_number", message: 'quantity "1,5" is not a number.' },
      { row: 2, column: "tier", code: "invalid_tier", message: 'tier "3" is not 0, 1 or 2.' },
    ]);
  });

  it("produces what the file's stored summary schema accepts, empty or not", () => {
    const summary = summarizeErrors();
    expect(errorSummarySchema.parse(summary.summary())).toEqual({ total: 0, invalidRecords: 0, byCode: {}, first: [] });
    summary.add(5, [badTier]);
    expect(errorSummarySchema.parse(summary.summary()).byCode).toEqual({ invalid_tier: 1 });
  });

  it("hands out snapshots that later additions do not change", () => {
    const summary = summarizeErrors();
    summary.add(2, [notANumber]);
    const before = summary.summary();
    summary.add(3, [notANumber]);
    expect(before.byCode.not_a_number).toBe(1);
    expect(before.first).toHaveLength(1);
  });
});

describe("quoteValue", () => {
  it("quotes the value and escapes what would break the message", () => {
    expect(quoteValue('say "hi"\nbye')).toBe('"say \\"hi\\"\\nbye"');
  });

  it("shortens a huge cell", () => {
    const quoted = quoteValue("x".repeat(10_000));
    expect(quoted).toBe(`"${"x".repeat(60)}…"`);
  });
});

describe("withoutRecordErrors", () => {
  it("takes a corrected record's errors out of the counts and the first errors", () => {
    const built = summarizeErrors();
    built.add(2, [notANumber, badTier]);
    built.add(7, [notANumber]);
    expect(withoutRecordErrors(built.summary(), 2, [notANumber, badTier])).toEqual({
      total: 1,
      invalidRecords: 1,
      byCode: { not_a_number: 1 },
      first: [{ row: 7, ...notANumber }],
    });
  });
});

describe("mergeErrorSummaries", () => {
  it("adds the counts and keeps the first errors in row order", () => {
    const read = summarizeErrors();
    read.add(7, [notANumber]);
    const blocked = summarizeErrors();
    blocked.add(2, [badTier]);
    blocked.add(9, [notANumber]);
    expect(mergeErrorSummaries(read.summary(), blocked.summary(), 2)).toEqual({
      total: 3,
      invalidRecords: 3,
      byCode: { not_a_number: 2, invalid_tier: 1 },
      first: [
        { row: 2, ...badTier },
        { row: 7, ...notANumber },
      ],
    });
  });
});

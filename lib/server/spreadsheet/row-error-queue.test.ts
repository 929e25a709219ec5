import { describe, expect, it } from "vitest";
import { RowErrorQueue, type RowErrors } from "./row-error-queue";

const error = (rowNumber: number, message: string): RowErrors => ({ rowNumber, cells: [{ column: null, message }] });

describe("RowErrorQueue", () => {
  it("hands out the errors of each row once, merging entries of the same row", async () => {
    const queue = new RowErrorQueue([error(2, "a"), error(4, "b"), error(4, "c"), error(9, "d")]);
    expect(await queue.takeThrough(1)).toEqual([]);
    expect(await queue.takeThrough(4)).toEqual([
      error(2, "a"),
      {
        rowNumber: 4,
        cells: [
          { column: null, message: "b" },
          { column: null, message: "c" },
        ],
      },
    ]);
    expect(await queue.takeThrough(4)).toEqual([]);
    expect(await queue.takeRest()).toEqual([error(9, "d")]);
  });

  it("reads an async iterable", async () => {
    async function* errors() {
      yield error(3, "a");
    }
    expect(await new RowErrorQueue(errors()).takeRest()).toEqual([error(3, "a")]);
  });

  it("refuses errors out of row order", async () => {
    const queue = new RowErrorQueue([error(5, "a"), error(3, "b")]);
    await expect(queue.takeRest()).rejects.toThrow("row errors out of order: row 3 after row 5");
  });
});

import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/db";
import { csvField, CsvLines } from "./copy";

const database = withTestDatabase();

const columns = ["id", "note"] as const;
const line = (id: number, note: string) => `${id},${csvField(note)}\n`;

async function loadedRows(): Promise<number> {
  const [row] = await database.handle.rows<{ rows: number | string }>("SELECT count(*) AS rows FROM copy_target");
  return Number(row?.rows);
}

async function copyLines(lines: (string | Uint8Array)[]): Promise<void> {
  await database.handle.rows("DROP TABLE IF EXISTS copy_target");
  await database.handle.rows("CREATE TABLE copy_target (id integer NOT NULL, note text)");
  const writer = await database.handle.copyInto("copy_target", columns);
  try {
    for (const text of lines) await writer.write(text);
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

describe("bulk loading with COPY", () => {
  it("loads every row it was given", async () => {
    await copyLines([line(1, "a"), line(2, 'with "quotes", a comma\nand a line break')]);

    expect(await loadedRows()).toBe(2);
  });

  it("fails when the server refuses the last rows, after the stream has ended, and loads nothing", async () => {
    const rows = Array.from({ length: 200 }, (_, index) => line(index, `note ${index}`));
    rows[150] = line(150, "R150\u0000X");

    await expect(copyLines([rows.join("")])).rejects.toThrow(/invalid byte sequence for encoding "UTF8": 0x00/);
    expect(await loadedRows()).toBe(0);
  });

  it("fails when the server refuses a row while more are still being written", async () => {
    const chunk = Array.from({ length: 10_000 }, (_, index) => line(index, "x".repeat(100))).join("");

    await expect(copyLines(["not a number,\n", ...Array<string>(5).fill(chunk)])).rejects.toThrow(
      /invalid input syntax for type integer/,
    );
    expect(await loadedRows()).toBe(0);
  });

  it("stores exactly the values written as CSV bytes, whatever characters they hold", async () => {
    const notes = ['with "quotes", a comma\nand a line break', "", "é, ü and 😀", "\r", "plain", null];
    const lines = new CsvLines(16); // smaller than one line: the buffer has to grow
    notes.forEach((note, index) =>
      lines
        .integer(index * 1_000_003)
        .field(note)
        .endLine(),
    );

    await copyLines([lines.take()]);

    const rows = await database.handle.rows<{ id: number; note: string | null }>(
      "SELECT id, note FROM copy_target ORDER BY id",
    );
    expect(rows).toEqual(notes.map((note, index) => ({ id: index * 1_000_003, note })));
    expect(lines.byteLength).toBe(0);
  });
});

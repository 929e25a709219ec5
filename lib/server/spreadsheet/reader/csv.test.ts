import { writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { openWorkbook } from "./open-workbook";
import { readRows, removeTempFiles, tempPath } from "@/test/reader-workbooks";
import type { ReadLimits } from "./types";

afterAll(removeTempFiles);

async function csvFile(content: string | Buffer): Promise<string> {
  const path = tempPath("csv");
  await writeFile(path, content);
  return path;
}

async function readCsv(content: string | Buffer, limits?: Partial<ReadLimits>) {
  return (await readRows(await csvFile(content), "records", limits)).map(({ rowNumber, values }) => [
    rowNumber,
    values,
  ]);
}

describe("CSV files", () => {
  it("is one sheet named records", async () => {
    const workbook = await openWorkbook(await csvFile("record_id\nR-1\n"));
    expect(workbook.sheetNames).toEqual(["records"]);
    await expect(workbook.rows("categories")[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: "missing_sheet",
    });
    await workbook.close();
  });

  it("reads comma-separated lines, values as text", async () => {
    expect(await readCsv("record_id,quantity\nR-1,0.30000000000000004\nR-2,1E-3")).toEqual([
      [1, ["record_id", "quantity"]],
      [2, ["R-1", "0.30000000000000004"]],
      [3, ["R-2", "1E-3"]],
    ]);
  });

  it("reads semicolons, CRLF and a byte order mark, as Excel writes in much of Europe", async () => {
    expect(await readCsv("\uFEFFrecord_id;amount\r\nR-1;1,5\r\n")).toEqual([
      [1, ["record_id", "amount"]],
      [2, ["R-1", "1,5"]],
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", async () => {
    expect(await readCsv('id,note\r\nR-1,"a, ""quoted""\r\nnote"\r\nR-2,"x"\r\n')).toEqual([
      [1, ["id", "note"]],
      [2, ["R-1", 'a, "quoted"\r\nnote']],
      [3, ["R-2", "x"]],
    ]);
  });

  it("reads quotes as Excel does when they do not open a field", async () => {
    expect(await readCsv('id,note\nR-1,a 5" screen\nR-2,"ab"c\n')).toEqual([
      [1, ["id", "note"]],
      [2, ["R-1", 'a 5" screen']],
      [3, ["R-2", "abc"]],
    ]);
  });

  it("trims values and skips blank lines, counting them as Excel's rows", async () => {
    expect(await readCsv("id , note\n\n , \n  R-1 ,  x  \n")).toEqual([
      [1, ["id", "note"]],
      [4, ["R-1", "x"]],
    ]);
  });

  it("takes the rest of the file into a field whose quote never closes", async () => {
    expect(await readCsv('id,note\nR-1,"open\nR-2,x\n')).toEqual([
      [1, ["id", "note"]],
      [2, ["R-1", "open\nR-2,x"]],
    ]);
  });

  it("reads records across read chunks", async () => {
    const records = Array.from({ length: 30_000 }, (_, index) => [
      `R-${index}`,
      `"note ""${index}""\n${"x".repeat(index % 50)}"`,
    ]);
    const rows = await readCsv(["id,note", ...records.map((record) => record.join(","))].join("\n"));
    expect(rows).toHaveLength(30_001);
    expect(rows[12_345]).toEqual([12_346, ["R-12344", `note "12344"\n${"x".repeat(12_344 % 50)}`]]);
    expect(rows.at(-1)).toEqual([30_001, ["R-29999", `note "29999"\n${"x".repeat(29_999 % 50)}`]]);
  });

  it("refuses more data rows than allowed", async () => {
    await expect(readCsv("id\n1\n2\n3\n", { maxRows: 2 })).rejects.toMatchObject({
      code: "too_many_rows",
      message: "The records sheet has more than 2 rows, the most a usage file may have.",
    });
  });

  it("cuts a cell longer than the limit and flags it", async () => {
    const [row] = await readRows(await csvFile(`id,note\nR-1,${"y".repeat(50)}\n`), "records", {
      maxCellChars: 10,
    }).then((rows) => rows.slice(1));
    expect(row?.values).toEqual(["R-1", "y".repeat(10)]);
    expect(row?.problems).toMatchObject([{ column: 1, code: "cell_too_long" }]);
  });

  it("refuses text that is not UTF-8", async () => {
    await expect(readCsv(Buffer.from("id,name\nR-1,Caf\xe9\n", "latin1"))).rejects.toMatchObject({
      code: "not_utf8",
      message: /CSV UTF-8/,
    });
    await expect(readCsv(Buffer.from("\ufeffid,name\n", "utf16le"))).rejects.toMatchObject({ code: "not_utf8" });
  });
});

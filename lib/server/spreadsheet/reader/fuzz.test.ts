import { readFile, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import { withSharedTestDatabase } from "@/test/db";
import { rowsByGeneration, usageFileRow } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow, xlsxOf } from "@/test/usage-workbooks";
import { WorkbookError, type WorkbookErrorCode } from "./errors";
import { openWorkbook } from "./open-workbook";
import { removeTempFiles, sharedStringsXml, sheetXml, tempPath, writeXlsxParts } from "@/test/reader-workbooks";

// Mutation fuzzing of the readers: valid small CSVs and workbooks, damaged at random (bytes of the
// CSV, the inflated sheet and shared-strings XML re-zipped, raw bytes of the zip), each read to the
// end. Whatever the damage, the reader must answer with rows or with a WorkbookError whose message
// the uploader can read, within a bounded time: never a TypeError, a RangeError or a hang. Every
// case has its own seed (SEED + case number), so a failing case is replayed by its name alone.

const SEED = 0x5eed_2026;
const caseTimeLimitMs = 2000;

/** mulberry32: small, fast and good enough to pick mutations; the same seed gives the same cases. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return { next, below, pick: <T>(items: readonly T[]): T => items[below(items.length)]! };
}
type Random = ReturnType<typeof prng>;

// ---- Valid inputs ----------------------------------------------------------------------------

const rows = [
  validRow("r-1", "12.25"),
  validRow("r-2", "0.5", 1),
  validRow('quoted "one", with comma', "3", 2),
  validRow("line\nbreak", "1000", 3),
];

function csvOf(values: string[][], delimiter: "," | ";"): string {
  const cell = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return values.map((row) => row.map(cell).join(delimiter)).join("\r\n") + "\r\n";
}

const validCsvs = [
  csvOf([[...recordsHeader], ...rows], ","),
  csvOf([[...recordsHeader], ...rows], ";"),
  "\uFEFF" + csvOf([[...recordsHeader], ...rows.slice(0, 2)], ","),
];

const columnLetter = (index: number) => String.fromCharCode(65 + index);
const excelSerial = (text: string) => Date.parse(text.replace(" ", "T") + "Z") / 86_400_000 + 25_569;

/** A records sheet with every kind of cell the reader knows, and the shared strings it points at. */
function validSheetParts(): { sheet: string; sharedStrings: string[] } {
  const sharedStrings: string[] = [];
  const shared = (text: string) => {
    sharedStrings.push(`<t xml:space="preserve">${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</t>`);
    return sharedStrings.length - 1;
  };
  const header = recordsHeader
    .map((name, column) => `<c r="${columnLetter(column)}1" t="s"><v>${shared(name)}</v></c>`)
    .join("");
  const body = rows.map((values, index) => {
    const r = index + 2;
    const cells = values.map((value, column) => {
      const ref = `${columnLetter(column)}${r}`;
      if (column === 3 && index === 1) return `<c r="${ref}"><f>1/2</f><v>${value}</v></c>`;
      if (column === 3) return `<c r="${ref}"><v>${value}</v></c>`;
      if (column === 4 || column === 5) return `<c r="${ref}" s="1"><v>${excelSerial(value)}</v></c>`;
      if (column === 0 && index === 0) return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      if (column === 6 && index === 2)
        return `<c r="${ref}" t="str"><f>"asset."&amp;"external_id"</f><v>${value}</v></c>`;
      return `<c r="${ref}" t="s"><v>${shared(value)}</v></c>`;
    });
    return `<row r="${r}">${cells.join("")}</row>`;
  });
  sharedStrings.push("<r><rPr><b/></rPr><t>rich</t></r><r><t>_x0041_ text</t></r>");
  return { sheet: `<row r="1">${header}</row>${body.join("")}`, sharedStrings };
}

const styles = { cellXfs: '<xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/>' };

function writeWorkbook(sheet: Buffer, sharedStrings: Buffer): Promise<string> {
  return writeXlsxParts({
    sheets: { records: "" },
    styles,
    parts: { "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sharedStrings },
  });
}

// ---- Mutations -------------------------------------------------------------------------------

const csvTokens = ['"', ",", ";", "\n", "\r", "\r\n", '""', "\uFEFF", "\u0000", "=1+1", "x".repeat(40_000), "é"];
const xmlTokens = [
  "<",
  ">",
  "&",
  "&amp;",
  "&#0;",
  "&#x1F600;",
  "&#xD800;",
  "&bogus;",
  "]]>",
  "<![CDATA[x]]>",
  '"',
  "</row>",
  "<row>",
  '<row r="0">',
  '<row r="1048577">',
  '<c r="XFE1">',
  '<c r="A0"/>',
  '<c r="A999999999">',
  '<c r="AAAAAAAAAA1">',
  ' t="s"',
  ' t="e"',
  ' t="b"',
  ' t="str"',
  ' t="inlineStr"',
  ' t="d"',
  ' s="99"',
  ' s="-1"',
  "<v>99999</v>",
  "<v>-1</v>",
  "<v>1e308</v>",
  "<v>NaN</v>",
  "<v></v>",
  "<f>SUM(A1)</f>",
  "_x0000_",
  "_xD800_",
  "_x",
  "<!DOCTYPE x>",
  '<?xml version="1.0"?>',
  "<is><t>",
  "</t></is>",
  "<si>",
  "</si>",
  "<t>",
  "</t>",
  ' xml:space="preserve"',
  "<!-- c -->",
  "<x:c>",
  "\u0000",
];

/** One to four byte-level edits: bit flips, replaced, inserted, deleted or duplicated bytes, tokens. */
function mutateBytes(input: Buffer, random: Random, tokens: readonly string[]): Buffer {
  let bytes = Buffer.from(input);
  const edits = 1 + random.below(4);
  for (let edit = 0; edit < edits; edit++) {
    const at = random.below(bytes.length + 1);
    switch (random.below(7)) {
      case 0:
        if (at < bytes.length) bytes[at]! ^= 1 << random.below(8);
        break;
      case 1:
        if (at < bytes.length) bytes[at] = random.below(256);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([random.below(256)]), bytes.subarray(at)]);
        break;
      case 3:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + random.below(32))]);
        break;
      case 4: {
        const length = 1 + random.below(64);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
        break;
      }
      case 5:
        bytes = bytes.subarray(0, at);
        break;
      default:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(tokens)), bytes.subarray(at)]);
    }
  }
  return bytes;
}

const zipSignatures = [0x04034b50, 0x02014b50, 0x06054b50];
const extremeNumbers = [0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff];

/** Edits of a zip: random bytes anywhere, or extreme values over the fields of its headers. */
function mutateZip(input: Buffer, random: Random): Buffer {
  const zip = Buffer.from(input);
  const headers: number[] = [];
  for (let at = 0; at + 4 <= zip.length; at++) {
    if (zipSignatures.includes(zip.readUInt32LE(at))) headers.push(at);
  }
  const edits = 1 + random.below(3);
  for (let edit = 0; edit < edits; edit++) {
    if (random.next() < 0.5 && headers.length > 0) {
      const field = Math.min(zip.length - 4, random.pick(headers) + 4 + random.below(40));
      const value = random.pick(extremeNumbers);
      if (random.next() < 0.5) zip.writeUInt16LE(value & 0xffff, field);
      else zip.writeUInt32LE(value >>> 0, field);
    } else {
      zip[random.below(zip.length)] = random.below(256);
    }
  }
  return random.next() < 0.1 ? zip.subarray(0, random.below(zip.length)) : zip;
}

// ---- Cases -----------------------------------------------------------------------------------

type FuzzKind = "csv bytes" | "sheet xml" | "shared strings xml" | "zip bytes";

interface FuzzCase {
  kind: FuzzKind;
  number: number;
  declared: "csv" | "xlsx";
  /** Writes the damaged file and returns its path. */
  write: () => Promise<string>;
}

const valid = validSheetParts();
const validSheet = Buffer.from(sheetXml(valid.sheet));
const validStrings = Buffer.from(sharedStringsXml(valid.sharedStrings));
let validZips: Buffer[] = [];

function fuzzCase(kind: FuzzKind, number: number): FuzzCase {
  const random = prng(SEED + number);
  switch (kind) {
    case "csv bytes":
      return {
        kind,
        number,
        declared: "csv",
        write: async () => {
          const path = tempPath("csv");
          await writeFile(path, mutateBytes(Buffer.from(random.pick(validCsvs)), random, csvTokens));
          return path;
        },
      };
    case "sheet xml":
      return {
        kind,
        number,
        declared: "xlsx",
        write: () => writeWorkbook(mutateBytes(validSheet, random, xmlTokens), validStrings),
      };
    case "shared strings xml":
      return {
        kind,
        number,
        declared: "xlsx",
        write: () => writeWorkbook(validSheet, mutateBytes(validStrings, random, xmlTokens)),
      };
    case "zip bytes":
      return {
        kind,
        number,
        declared: "xlsx",
        write: async () => {
          const path = tempPath("xlsx");
          await writeFile(path, mutateZip(random.pick(validZips), random));
          return path;
        },
      };
  }
}

const casesPerKind: Record<FuzzKind, number> = {
  "csv bytes": 250,
  "sheet xml": 175,
  "shared strings xml": 75,
  "zip bytes": 125,
};
let caseNumber = 0;
const cases = Object.entries(casesPerKind).flatMap(([kind, count]) =>
  Array.from({ length: count }, () => fuzzCase(kind as FuzzKind, caseNumber++)),
);

const workbookErrorCodes: readonly WorkbookErrorCode[] = [
  "not_a_spreadsheet",
  "not_utf8",
  "truncated_or_corrupt",
  "entry_too_large",
  "encrypted",
  "legacy_xls",
  "ods",
  "doctype_refused",
  "too_many_rows",
  "row_too_large",
  "too_many_columns",
  "shared_strings_too_large",
  "missing_sheet",
];

type Outcome = { rows: number } | { refused: WorkbookErrorCode; message: string; cause: unknown };

/** Opens the file as the processing job does and reads every row of every sheet. */
async function readToTheEnd(path: string, declared: "csv" | "xlsx"): Promise<Outcome> {
  try {
    const workbook = await openWorkbook(path, {}, declared);
    try {
      let count = 0;
      for (const sheetName of workbook.sheetNames) {
        for await (const batch of workbook.rows(sheetName)) {
          for (const row of batch) {
            expect(Number.isInteger(row.rowNumber) && row.rowNumber > 0).toBe(true);
            expect(row.values.every((value) => typeof value === "string")).toBe(true);
            count++;
          }
        }
      }
      return { rows: count };
    } finally {
      await workbook.close();
    }
  } catch (error) {
    if (error instanceof WorkbookError) return { refused: error.code, message: error.message, cause: error.cause };
    throw error;
  }
}

async function withinTimeLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${caseTimeLimitMs} ms`)), caseTimeLimitMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  validZips = await Promise.all([
    readFile(await writeWorkbook(validSheet, validStrings)),
    xlsxOf({ records: [[...recordsHeader], ...rows] }),
  ]);
});
afterAll(removeTempFiles);

describe(`reading damaged files (seed ${SEED.toString(16)}, ${cases.length} cases)`, () => {
  it("starts from files the reader reads in full", async () => {
    for (const csv of validCsvs) {
      const path = tempPath("csv");
      await writeFile(path, csv);
      expect(await readToTheEnd(path, "csv")).toEqual({ rows: csv.startsWith("\uFEFF") ? 3 : 5 });
    }
    for (const zip of validZips) {
      const path = tempPath("xlsx");
      await writeFile(path, zip);
      expect(await readToTheEnd(path, "xlsx")).toEqual({ rows: 5 });
    }
  });

  const outcomes = new Map<FuzzKind, Outcome[]>();

  for (const { kind, number, declared, write } of cases) {
    it(`${kind} #${number}: rows or a WorkbookError the uploader can read`, async () => {
      const path = await write();
      const started = performance.now();
      const outcome = await withinTimeLimit(readToTheEnd(path, declared));
      expect(performance.now() - started).toBeLessThan(caseTimeLimitMs);
      if ("refused" in outcome) {
        expect(workbookErrorCodes).toContain(outcome.refused);
        expect(outcome.message).toMatch(/^[A-Z].{10,}/s);
        expect(outcome.message).not.toMatch(/TypeError|RangeError|undefined|\[object /);
        // The reader calls any failure of its zip and inflate layers "damaged": a bug must not hide there.
        expect(outcome.cause).not.toBeInstanceOf(TypeError);
        expect(outcome.cause).not.toBeInstanceOf(RangeError);
      }
      outcomes.set(kind, [...(outcomes.get(kind) ?? []), outcome]);
    });
  }

  // Damage that every case's reader refuses at once, or that none notices, would prove little.
  it("has cases read to the end and cases refused, of every kind", () => {
    for (const kind of Object.keys(casesPerKind) as FuzzKind[]) {
      const read = outcomes.get(kind)?.filter((outcome) => "rows" in outcome).length ?? 0;
      console.info(`${kind}: ${read} read, ${casesPerKind[kind] - read} refused`);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(casesPerKind[kind]);
    }
  });
});

describe("processing damaged files", () => {
  const database = withSharedTestDatabase();
  // Every fifteenth case: CSV, sheet XML, shared strings and zip bytes alike.
  const uploaded = cases.filter((c) => c.number % 15 === 0);
  const statuses: string[] = [];

  beforeAll(async () => {
    await seedDemoData(database.handle.db);
  });

  for (const { kind, number, declared, write } of uploaded) {
    it(`${kind} #${number} ends Ready or Invalid, its records those its stats count`, async () => {
      const db = database.handle.db;
      const content = await readFile(await write());
      const queued = await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf(`damaged.${declared}`, content));
      expect(queued).toEqual({ ok: true, value: { status: "uploading" } });
      await processUsageFile(acmeDraftFileId);

      const file = await usageFileRow(db, acmeDraftFileId);
      expect(["ready", "invalid"]).toContain(file.status);
      const records = file.stats?.records ?? 0;
      expect((await rowsByGeneration(db, acmeDraftFileId)).records).toEqual(
        records > 0 ? { [file.generation]: records } : {},
      );
      statuses.push(file.status);
    });
  }

  it("has made some files Ready and others Invalid", () => {
    expect(new Set(statuses)).toEqual(new Set(["ready", "invalid"]));
  });
});

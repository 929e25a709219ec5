import "server-only";
import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createInflateRaw } from "node:zlib";
import yauzl from "yauzl";
import { asWorkbookFailure, formatBytes, formatCount, WorkbookError } from "./errors";

const storedMethod = 0;
const deflatedMethod = 8;
const maxEntries = 10_000;
// Big chunks mean fewer per-chunk objects in the stream machinery: with 64 KB chunks V8 sometimes saw
// 100+ of them survive while shared strings loaded, pretenured their allocation site, and then sent
// the sheet's short-lived garbage to the old generation (peak RSS 420 MB instead of 220 MB).
const inflateChunkBytes = 256 * 1024;

/**
 * How big the text chunks of a part are: our scanners' big ones (parts read whole, shared strings),
 * smaller ones for a sheet's rows, or small ones for an event-gathering parser.
 */
export type ChunkSize = "scanner" | "sheet" | "sax";
// exceljs's sax reader gathers every event of a chunk, and its sheet reader every row, before
// handing any over: with 256 KB chunks, so many objects lived at once that the garbage collector
// took four times longer than with the 16 KB chunks its own zip walk read.
// A sheet's rows are short-lived garbage, unless their text is a large object (from 128 KiB) that a
// scavenge promotes, rows sliced from it with it, as for the CSV reader's chunks (csv-workbook.ts):
// at a million rows 96 KiB peaks at 270-280 MB, 256 KiB at 315-320 MB; 64 KiB is slower.
const chunkBytesFor: Record<ChunkSize, number> = { scanner: inflateChunkBytes, sheet: 96 * 1024, sax: 16 * 1024 };

/**
 * Random access to the parts of a zip file (yauzl reads the central directory, so parts can be read
 * in any order), each streamed through inflate with a cap on how far it may inflate.
 * Part names are matched case-insensitively, as OOXML part names are.
 */
export class ZipArchive {
  private constructor(
    private readonly path: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const zip = await yauzl.openPromise(path, { autoClose: false, strictFileNames: false }).catch((error: unknown) => {
      throw asWorkbookFailure(error);
    });
    try {
      return new ZipArchive(path, zip, await readEntries(zip));
    } catch (error) {
      zip.close();
      throw asWorkbookFailure(error);
    }
  }

  has(partName: string): boolean {
    return this.entries.has(partName.toLowerCase());
  }

  /** Every part's name as the archive spells it. */
  partNames(): string[] {
    return [...this.entries.values()].map((entry) => entry.fileName);
  }

  async readText(partName: string, maxBytes: number): Promise<string> {
    let text = "";
    for await (const chunk of this.textChunks(partName, maxBytes)) text += chunk;
    return text;
  }

  /** The part as UTF-8 text, in chunks; inflating past `maxBytes` fails with entry_too_large. */
  async *textChunks(partName: string, maxBytes: number, size: ChunkSize = "scanner"): AsyncGenerator<string> {
    const entry = this.entry(partName);
    if (entry.uncompressedSize > maxBytes) throw entryTooLarge(partName, maxBytes);
    const bytes = await this.openBytes(entry, chunkBytesFor[size]);
    const decoder = new StringDecoder("utf8");
    let inflated = 0;
    try {
      for await (const chunk of bytes as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > maxBytes) throw entryTooLarge(partName, maxBytes);
        yield decoder.write(chunk);
      }
      yield decoder.end();
    } catch (error) {
      throw asWorkbookFailure(error);
    } finally {
      bytes.destroy();
    }
  }

  /** The part's size once inflated, as the zip directory declares it. */
  inflatedSize(partName: string): number {
    return this.entry(partName).uncompressedSize;
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }

  private entry(partName: string): yauzl.Entry {
    const entry = this.entries.get(partName.toLowerCase());
    if (!entry) throw new WorkbookError("truncated_or_corrupt", `The workbook lacks its part ${partName}.`);
    return entry;
  }

  private async openBytes(entry: yauzl.Entry, chunkBytes: number): Promise<Readable> {
    if (entry.isEncrypted())
      throw new WorkbookError("encrypted", "The file is password-protected; remove the password and upload it again.");
    const method = entry.compressionMethod;
    if (method !== storedMethod && method !== deflatedMethod) {
      throw new WorkbookError(
        "truncated_or_corrupt",
        `The file uses a zip compression (method ${method}) that spreadsheets do not use.`,
      );
    }
    const { fileDataStart } = await this.zip
      .readLocalFileHeaderPromise(entry, { minimal: true })
      .catch((error: unknown) => {
        throw asWorkbookFailure(error);
      });
    // Node's own file stream rather than yauzl's: yauzl's crashes the process when it is destroyed
    // with a read still queued, which leaving a sheet early does.
    const raw =
      entry.compressedSize === 0
        ? Readable.from([])
        : createReadStream(this.path, {
            start: fileDataStart,
            end: fileDataStart + entry.compressedSize - 1,
            highWaterMark: chunkBytes,
          });
    if (method === storedMethod) return raw;
    // Our own inflate rather than yauzl's: bigger chunks, and errors of either stream reach the reader.
    return pipeline(raw, createInflateRaw({ chunkSize: chunkBytes }), () => {});
  }
}

async function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > maxEntries) {
    throw new WorkbookError(
      "not_a_spreadsheet",
      `The file holds more than ${formatCount(maxEntries)} parts; it is not a usage spreadsheet.`,
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  return entries;
}

function entryTooLarge(partName: string, maxBytes: number): WorkbookError {
  return new WorkbookError(
    "entry_too_large",
    `The workbook part ${partName} unpacks to more than ${formatBytes(maxBytes)}, the most a usage spreadsheet may; it looks like a zip bomb.`,
  );
}

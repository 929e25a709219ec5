import "server-only";
import { defaultReadLimits } from "./reader";
import { ZipArchive } from "./reader/zip-archive";
import { writeZip } from "./reader/zip-writer";

/** The parts exceljs's streaming reader reads, in the order it needs them; sheets follow. */
const leadingParts = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
const sheetPart = /^xl\/worksheets\/sheet\d+\.xml$/i;

/**
 * exceljs's streaming reader reads a zip front to back and, on some archives (exceljs's own
 * `writeBuffer` output, whose workbook.xml comes last, among them), stops early and then fails on
 * the first sheet. A copy of just the parts it reads, workbook first and without data descriptors,
 * is read reliably. Part names are kept as the archive spells them.
 */
export async function writeStreamableXlsx(sourcePath: string, targetPath: string): Promise<void> {
  const archive = await ZipArchive.open(sourcePath);
  try {
    const names = archive.partNames();
    const named = (part: string) => names.find((name) => name.toLowerCase() === part.toLowerCase());
    const parts = [
      ...leadingParts.flatMap((part) => named(part) ?? []),
      ...names.filter((name) => sheetPart.test(name)),
    ];
    const limit = defaultReadLimits.maxInflatedBytesPerEntry;
    await writeZip(
      targetPath,
      parts.map((name): [string, AsyncIterable<string>] => [name, archive.textChunks(name, limit)]),
    );
  } finally {
    archive.close();
  }
}

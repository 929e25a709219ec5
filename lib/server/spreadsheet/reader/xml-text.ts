import "server-only";
import { WorkbookError } from "./errors";

const entity = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const predefinedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes character data as an XML parser would: line ends, predefined entities, character references. */
export function decodeXmlText(raw: string): string {
  const text = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  return text.indexOf("&") < 0 ? text : text.replace(entity, decodeEntity);
}

function decodeEntity(reference: string, hex?: string, decimal?: string, name?: string): string {
  if (name) return predefinedEntities[name] ?? reference;
  const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
  const isCharacter = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return isCharacter ? String.fromCodePoint(codePoint) : "\uFFFD";
}

const excelEscape = /_x([0-9A-Fa-f]{4})_/g;

/** Excel writes characters XML cannot carry (and a literal `_x` sequence, as `_x005F_`) as `_xHHHH_`. */
export function decodeExcelEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(excelEscape, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const longestDeclaration = "<!DOCTYPE".length;

/**
 * Passes XML text through, refusing any DOCTYPE or ENTITY declaration: no part of a workbook needs
 * one, and entity expansion is how small XML files turn into huge ones.
 */
export async function* refusingDoctype(chunks: AsyncIterable<string>, partName: string): AsyncGenerator<string> {
  let tail = "";
  for await (const chunk of chunks) {
    assertNoDoctype(chunk, partName);
    assertNoDoctype(tail + chunk.slice(0, longestDeclaration - 1), partName);
    tail = chunk.slice(1 - longestDeclaration);
    yield chunk;
  }
}

export function assertNoDoctype(xml: string, partName: string): void {
  for (let at = xml.indexOf("<!"); at >= 0; at = xml.indexOf("<!", at + 2)) {
    const keyword = xml.slice(at + 2, at + 9).toUpperCase();
    if (keyword === "DOCTYPE" || keyword.startsWith("ENTITY")) {
      throw new WorkbookError(
        "doctype_refused",
        `The workbook part ${partName} declares a DOCTYPE or entities, which usage spreadsheets never need; it was refused.`,
      );
    }
  }
}

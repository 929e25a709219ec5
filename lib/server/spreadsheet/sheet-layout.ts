import "server-only";
import type ExcelJS from "exceljs";
import { parseXmlAttributes } from "./reader/xml-tags";
import { decodeXmlText } from "./reader/xml-text";

/**
 * What a sheet says around its rows, which exceljs's streaming reader drops: the column widths in
 * front of `<sheetData>` and the data-validation lists after it (Excel 2010 and later keep those
 * referring to another sheet in `<extLst>` as `x14:dataValidation`). Fed the sheet's XML as it
 * streams to the row reader, it keeps only those two ends, each capped: memory stays flat however
 * many rows pass.
 */
export class SheetLayout {
  private head = "";
  private headDone = false;
  private tail = "";
  private tailStarted = false;
  private carry = "";

  /** Passes the sheet's XML through unchanged, keeping its head and tail on the way. */
  async *tap(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      this.feed(chunk);
      yield chunk;
    }
  }

  private feed(chunk: string): void {
    if (!this.headDone) this.feedHead(chunk);
    if (this.tailStarted) {
      this.tail = this.tail.length + chunk.length > maxEndChars ? "" : this.tail + chunk;
      return;
    }
    // Most chunks hold no "sheetData": they are searched natively, without copying them. The end tag
    // may be cut by a chunk boundary: the few characters around it are searched too.
    const boundary = this.carry + chunk.slice(0, carryChars - 1);
    const across = boundary.includes("sheetData") ? sheetDataEnd.exec(boundary) : null;
    const acrossEnd = across ? across.index + across[0].length - this.carry.length : 0;
    const within = acrossEnd > 0 || !chunk.includes("sheetData") ? null : sheetDataEnd.exec(chunk);
    if (acrossEnd > 0) this.startTail(chunk.slice(acrossEnd));
    else if (within) this.startTail(chunk.slice(within.index + within[0].length));
    this.carry = chunk.length >= carryChars ? chunk.slice(-carryChars) : (this.carry + chunk).slice(-carryChars);
  }

  private startTail(text: string): void {
    this.tailStarted = true;
    this.tail = text;
  }

  private feedHead(chunk: string): void {
    const text = this.head + chunk;
    const start = text.search(sheetDataStart);
    this.headDone = start >= 0 || text.length > maxEndChars;
    this.head = start >= 0 ? text.slice(0, start) : this.headDone ? "" : text;
  }

  /** Column widths by column number; known once the first row has been read. */
  columnWidths(): Map<number, number> {
    const widths = new Map<number, number>();
    for (const [, attributes = ""] of this.head.matchAll(columnTag)) {
      const { min, max, width } = parseXmlAttributes(attributes);
      const from = Number(min);
      const to = Math.min(Number(max), from + maxColumnsPerRange - 1);
      if (!Number.isInteger(from) || !Number.isInteger(to) || !(Number(width) > 0)) continue;
      for (let column = from; column <= to; column++) widths.set(column, Number(width));
    }
    return widths;
  }

  /** The sheet's data validations with the ranges they cover; known once every row has been read. */
  validations(): SheetValidation[] {
    return [...this.tail.matchAll(validationElement)].flatMap(([, attributeText = "", body = ""]) => {
      const attributes = parseXmlAttributes(attributeText);
      const ranges = (attributes.sqref ?? textOf(body, "sqref") ?? "").split(/\s+/).filter(Boolean);
      if (ranges.length === 0) return [];
      return [{ ranges, validation: validationOf(attributes, body) }];
    });
  }
}

export interface SheetValidation {
  /** Cell ranges (`C2:C10001`) or cells the validation covers. */
  ranges: string[];
  validation: ExcelJS.DataValidation;
}

// Far more than a sheet's columns and validations take; a hostile sheet cannot make us hold more.
const maxEndChars = 4 * 1024 * 1024;
const maxColumnsPerRange = 1024;
const carryChars = 32;
const sheetDataStart = /<(?:[\w.-]+:)?sheetData[\s/>]/;
const sheetDataEnd = /<\/(?:[\w.-]+:)?sheetData>|<(?:[\w.-]+:)?sheetData\s*\/>/;
const columnTag = /<(?:[\w.-]+:)?col\b([^>]*)\/?>/g;
const validationElement = /<(?:[\w.-]+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?dataValidation>)/g;

/** The text of a child element (`<formula1>`, `<xm:sqref>`), through an `<xm:f>` if it has one. */
function textOf(body: string, name: string): string | undefined {
  const element = new RegExp(`<(?:[\\w.-]+:)?${name}>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`).exec(body)?.[1];
  if (element === undefined) return undefined;
  const formula = /<(?:[\w.-]+:)?f>([\s\S]*?)<\/(?:[\w.-]+:)?f>/.exec(element)?.[1];
  return decodeXmlText(formula ?? element);
}

function validationOf(attributes: Record<string, string>, body: string): ExcelJS.DataValidation {
  const flag = (name: string) => attributes[name] === "1" || attributes[name] === "true";
  const formulae = [textOf(body, "formula1"), textOf(body, "formula2")].filter((f) => f !== undefined);
  return {
    type: (attributes.type ?? "any") as ExcelJS.DataValidation["type"],
    formulae,
    allowBlank: flag("allowBlank"),
    showInputMessage: flag("showInputMessage"),
    showErrorMessage: flag("showErrorMessage"),
    ...(attributes.operator && { operator: attributes.operator as ExcelJS.DataValidationOperator }),
    ...(attributes.errorStyle && { errorStyle: attributes.errorStyle }),
    ...(attributes.errorTitle && { errorTitle: attributes.errorTitle }),
    ...(attributes.error && { error: attributes.error }),
    ...(attributes.promptTitle && { promptTitle: attributes.promptTitle }),
    ...(attributes.prompt && { prompt: attributes.prompt }),
  };
}

import "server-only";
import { isDateFormat } from "./number-format";
import { xmlTags } from "./xml-tags";

/** For each cell style (the `s` attribute of a cell: an index into cellXfs), whether it shows a date. */
export function readDateStyles(stylesXml: string): boolean[] {
  const formatCodes = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  for (const tag of xmlTags(stylesXml)) {
    if (tag.name === "numFmt" && !tag.closing) {
      formatCodes.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
    } else if (tag.name === "cellXfs") {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === "xf" && inCellXfs && !tag.closing) {
      const numFmtId = Number(tag.attributes.numFmtId ?? 0);
      dateStyles.push(isDateFormat(numFmtId, formatCodes.get(numFmtId)));
    }
  }
  return dateStyles;
}

import "server-only";
import { posix } from "node:path";
import { xmlTags } from "./xml-tags";

/** Where a workbook keeps its parts, found through relationships as Excel does: never by position. */
export interface WorkbookStructure {
  /** Sheet part paths by sheet name, in workbook order. */
  sheets: Map<string, string>;
  date1904: boolean;
  stylesPart: string | undefined;
  sharedStringsPart: string | undefined;
}

interface Relationship {
  id: string;
  /** The last segment of the type URI: `worksheet`, `styles`, … (transitional and strict OOXML differ before it). */
  kind: string;
  target: string;
}

/** The package's main document (`xl/workbook.xml` in a workbook) from `_rels/.rels`. */
export function officeDocumentPart(rootRelationshipsXml: string): string | undefined {
  return readRelationships(rootRelationshipsXml, "").find((relationship) => relationship.kind === "officeDocument")
    ?.target;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPartOf(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

/** Whether the XML's root element is a `<workbook>`, and not, say, a Word document. */
export function isWorkbookXml(xml: string): boolean {
  return xmlTags(xml).next().value?.name === "workbook";
}

export function readWorkbookStructure(
  workbookPart: string,
  workbookXml: string,
  relationshipsXml: string,
): WorkbookStructure {
  const relationships = readRelationships(relationshipsXml, workbookPart);
  const targets = new Map(relationships.map((relationship) => [relationship.id, relationship.target]));
  const sheets = new Map<string, string>();
  let date1904 = false;
  for (const tag of xmlTags(workbookXml)) {
    if (tag.closing) continue;
    if (tag.name === "workbookPr") date1904 = isTrue(tag.attributes.date1904);
    const target = tag.name === "sheet" ? targets.get(tag.attributes.id ?? "") : undefined;
    if (target !== undefined && tag.attributes.name) sheets.set(tag.attributes.name, target);
  }
  const targetOf = (kind: string) => relationships.find((relationship) => relationship.kind === kind)?.target;
  return { sheets, date1904, stylesPart: targetOf("styles"), sharedStringsPart: targetOf("sharedStrings") };
}

function readRelationships(xml: string, sourcePart: string): Relationship[] {
  const relationships: Relationship[] = [];
  for (const { name, closing, attributes } of xmlTags(xml)) {
    if (name !== "Relationship" || closing || attributes.TargetMode === "External") continue;
    const { Id: id = "", Type: type = "", Target: target = "" } = attributes;
    relationships.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(sourcePart, target) });
  }
  return relationships;
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the root. */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith("/") ? target : posix.join(posix.dirname(sourcePart), target);
  return posix.normalize(path).replace(/^\/+/, "");
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

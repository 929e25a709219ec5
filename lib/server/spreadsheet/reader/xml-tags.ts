import "server-only";
import { decodeXmlText } from "./xml-text";

/** A start or end tag of a small XML part, with names stripped of their namespace prefix. */
export interface XmlTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Record<string, string>;
}

const comment = /<!--[\s\S]*?-->/g;
const tagPattern = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const attributePattern = /(?:[\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The tags of a small part (workbook, relationships, styles), read whole. Big parts (sheets,
 * shared strings) go through purpose-built scanners instead.
 */
export function* xmlTags(xml: string): Generator<XmlTag> {
  for (const match of xml.replace(comment, "").matchAll(tagPattern)) {
    const [, slash = "", name = "", attributes = "", selfClosing = ""] = match;
    yield {
      name,
      closing: slash === "/",
      selfClosing: selfClosing === "/",
      attributes: parseXmlAttributes(attributes),
    };
  }
}

/** The attributes of a start tag's text after its name, decoded, by name without namespace prefix. */
export function parseXmlAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = "", doubleQuoted, singleQuoted] of text.matchAll(attributePattern)) {
    attributes[name] = decodeXmlText(doubleQuoted ?? singleQuoted ?? "");
  }
  return attributes;
}

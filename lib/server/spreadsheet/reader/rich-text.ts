import "server-only";
import { decodeExcelEscapes, decodeXmlText } from "./xml-text";

// `[^<>]`: a tag ends before the next `<`, so a `<t` left unclosed is not searched to the end of
// the item from every `<t` after it, which made a crafted item quadratic.
const runTag = /<(\/?)(?:[\w.-]+:)?(t|rPh)(?=[\s/>])[^<>]*>/g;
const slash = 47;
const runOpen = "<t>";
const runClose = "</t>";

/**
 * The text of a string item (a shared string's `<si>` or an inline `<is>`) found in
 * xml[from, to): its `<t>` runs joined, with rich-text formatting and phonetic hints (`<rPh>`) left out.
 */
export function richText(xml: string, from: number, to: number): string {
  if (isSingleRun(xml, from, to))
    return decodeExcelEscapes(decodeXmlText(xml.slice(from + runOpen.length, to - runClose.length)));
  const item = xml.slice(from, to);
  let raw = "";
  let runStart = -1;
  let inPhonetic = false;
  for (const tag of item.matchAll(runTag)) {
    const [text, closing, name] = tag;
    const opening = closing === "" && text.charCodeAt(text.length - 2) !== slash;
    if (name === "rPh") {
      inPhonetic = opening;
    } else if (opening) {
      runStart = inPhonetic ? -1 : tag.index + text.length;
    } else if (closing && runStart >= 0) {
      raw += item.slice(runStart, tag.index);
      runStart = -1;
    }
  }
  return decodeExcelEscapes(decodeXmlText(raw));
}

/** Whether the item is `<t>text</t>` and nothing else, as most are: no need to look for runs. */
function isSingleRun(xml: string, from: number, to: number): boolean {
  const textStart = from + runOpen.length;
  return (
    xml.startsWith(runOpen, from) &&
    xml.indexOf("<", textStart) === to - runClose.length &&
    xml.startsWith(runClose, to - runClose.length)
  );
}

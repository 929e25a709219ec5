import "server-only";

// V8 cuts substrings of 13 characters or more as views that keep their whole parent alive: a cell
// value sliced from a 64 KB chunk of sheet XML would pin that chunk for as long as someone holds the
// value (a set of a million record ids would hold the whole sheet). Prepending a character makes
// V8 copy the value into a string of its own, which the slice then views.
const minSlicedLength = 13;

export function detached(text: string): string {
  return text.length < minSlicedLength ? text : (" " + text).slice(1);
}

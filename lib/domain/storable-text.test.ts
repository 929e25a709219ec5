import { describe, expect, it } from "vitest";
import { firstUnstorableCharacter, isStorableText, storableText } from "./storable-text";

describe("text PostgreSQL can store", () => {
  it("is any well-formed text without NUL, other control characters and astral ones included", () => {
    for (const text of ["", "R-150", "tab\tand\nline", "\u0001\u001f\u007f", "emoji 😀", "\uFFFD"]) {
      expect(isStorableText(text)).toBe(true);
      expect(storableText(text)).toBe(text);
      expect(firstUnstorableCharacter(text)).toBeNull();
    }
  });

  it("has every NUL replaced by U+FFFD", () => {
    expect(isStorableText("R150\u0000X")).toBe(false);
    expect(storableText("\u0000R150\u0000X\u0000")).toBe("\uFFFDR150\uFFFDX\uFFFD");
    expect(firstUnstorableCharacter("R150\u0000X")).toBe("U+0000");
  });

  it("has a lone half of a surrogate pair replaced, leaving whole pairs", () => {
    expect(isStorableText("a\uD83D")).toBe(false);
    expect(storableText("😀 \uD83D \uDE00 😀")).toBe("😀 \uFFFD \uFFFD 😀");
    expect(firstUnstorableCharacter("😀 \uDE00")).toBe("U+DE00");
  });
});

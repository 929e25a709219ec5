import { describe, expect, it } from "vitest";
import { acceptUsageFileInput, closeRecordsForm, closeUsageFileInput, defaultAcceptanceNote, rejectUsageFileInput } from "./usage-file-review";

describe("review notes", () => {
  it("accepts with the default note when none is written", () => {
    expect(acceptUsageFileInput.parse({})).toEqual({ note: defaultAcceptanceNote });
    expect(acceptUsageFileInput.parse({ note: "  " })).toEqual({ note: defaultAcceptanceNote });
    expect(acceptUsageFileInput.parse({ note: " Checked. " })).toEqual({ note: "Checked." });
  });

  it("requires a rejection note", () => {
    expect(rejectUsageFileInput.safeParse({ note: "   " }).success).toBe(false);
    expect(rejectUsageFileInput.parse({ note: "Doubled" })).toEqual({ note: "Doubled" });
  });

  it("closes a file with or without a billing reference", () => {
    expect(closeUsageFileInput.parse({ billingId: "", billingNote: "" })).toEqual({ billingId: undefined, billingNote: "" });
    expect(closeUsageFileInput.parse({ billingId: " INV-1 " })).toEqual({ billingId: "INV-1", billingNote: "" });
  });
});

describe("closing records from a form", () => {
  it("reads record ids separated by spaces, commas or lines", () => {
    expect(closeRecordsForm.parse({ recordIds: "UR-1, UR-2\nUR-3;UR-4  ", billingId: "INV" })).toEqual({
      recordIds: ["UR-1", "UR-2", "UR-3", "UR-4"],
      billingId: "INV",
      billingNote: "",
    });
    expect(closeRecordsForm.safeParse({ recordIds: " ,\n", billingId: "INV" }).success).toBe(false);
  });
});

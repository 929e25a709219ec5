import { describe, expect, it } from "vitest";
import {
  acceptUsageFileInput,
  closeRecordsForm,
  closeUsageFileInput,
  defaultAcceptanceNote,
  rejectUsageFileInput,
} from "./usage-file-review";

describe("review notes", () => {
  it("accepts with the default note when none is written", () => {
    expect(acceptUsageFileInput.parse({})).toEqual({ acceptanceNote: defaultAcceptanceNote });
    expect(acceptUsageFileInput.parse({ acceptanceNote: "  " })).toEqual({ acceptanceNote: defaultAcceptanceNote });
    expect(acceptUsageFileInput.parse({ acceptanceNote: " Checked. " })).toEqual({ acceptanceNote: "Checked." });
  });

  it("requires a rejection note", () => {
    expect(rejectUsageFileInput.safeParse({ rejectionNote: "   " }).success).toBe(false);
    expect(rejectUsageFileInput.parse({ rejectionNote: "Doubled" })).toEqual({ rejectionNote: "Doubled" });
  });

  it("closes a file with or without a billing reference", () => {
    expect(closeUsageFileInput.parse({ externalBillingId: "", externalBillingNote: "" })).toEqual({
      externalBillingId: undefined,
      externalBillingNote: "",
    });
    expect(closeUsageFileInput.parse({ externalBillingId: " INV-1 " })).toEqual({
      externalBillingId: "INV-1",
      externalBillingNote: "",
    });
  });
});

describe("closing records from a form", () => {
  it("reads record ids separated by spaces, commas or lines", () => {
    expect(closeRecordsForm.parse({ recordIds: "UR-1, UR-2\nUR-3;UR-4  ", externalBillingId: "INV" })).toEqual({
      recordIds: ["UR-1", "UR-2", "UR-3", "UR-4"],
      externalBillingId: "INV",
      externalBillingNote: "",
    });
    expect(closeRecordsForm.safeParse({ recordIds: " ,\n", externalBillingId: "INV" }).success).toBe(false);
  });
});

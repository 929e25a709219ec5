import { describe, expect, it } from "vitest";
import { spreadsheetResponse } from "./responses";

const firstPart = Buffer.alloc(64 * 1024, "a");

function downloadFailingAfterFirstPart() {
  return {
    fileName: "usage.csv",
    contentType: "text/csv",
    async write(out: NodeJS.WritableStream) {
      out.write(firstPart);
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error("the stored file went missing");
    },
  };
}

describe("spreadsheetResponse", () => {
  it("sends a whole file and ends it", async () => {
    const response = spreadsheetResponse({
      fileName: 'usage "march".csv',
      contentType: "text/csv",
      async write(out) {
        out.end("record_id\nR-1\n");
      },
    });

    expect(await response.text()).toBe("record_id\nR-1\n");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="usage _march_.csv"');
  });

  it("aborts the body when writing fails after bytes were sent, so no client takes a short file for a whole one", async () => {
    const response = spreadsheetResponse(downloadFailingAfterFirstPart());
    const reader = response.body!.getReader();

    const first = await reader.read();
    expect(first.done).toBe(false);
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "ended normally";
      })(),
    ).rejects.toThrow("the stored file went missing");
  });
});

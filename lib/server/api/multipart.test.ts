import { describe, expect, it } from "vitest";
import { multipartFile } from "./multipart";

function uploadRequest(fileName: string): Request {
  const form = new FormData();
  form.append("usage_file", new File(["record_id\n"], fileName));
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

describe("an uploaded file's name", () => {
  it.each(["Compute — sent again.xlsx", "Nutzung März 2026.csv", "利用状況.xlsx"])(
    "reads %s as it was sent",
    async (name) => {
      const upload = await multipartFile(uploadRequest(name), "usage_file");
      expect(upload?.fileName).toBe(name);
    },
  );
});

import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path of the site with its query", () => {
    expect(safeReturnPath("/distributor/files/UF-2026-10-2001-0001?sort=-quantity&item=IT-1")).toBe(
      "/distributor/files/UF-2026-10-2001-0001?sort=-quantity&item=IT-1",
    );
    expect(safeReturnPath("/")).toBe("/");
  });

  it.each([
    "https://elsewhere.invalid/",
    "//elsewhere.invalid/path",
    "/\\elsewhere.invalid",
    "/\t/elsewhere.invalid",
    "javascript:alert(1)",
    "vendor/files",
    "",
  ])("refuses %j, which could leave the site or is no path", (candidate) => {
    expect(safeReturnPath(candidate)).toBeNull();
  });

  it("refuses what is not text", () => {
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath(["/vendor"])).toBeNull();
  });
});

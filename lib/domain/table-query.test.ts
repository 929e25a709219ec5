import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sortToParam } from "@/lib/table-url";
import { firstValues, optionalChoice, optionalText, pageParam, pageSizeParam, sortParam } from "./table-query";

const schema = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(["name", "period"], { column: "period", desc: true }),
  q: optionalText,
  status: optionalChoice(["draft", "ready"]),
});

describe("a table's state in the URL", () => {
  it("reads page, size, sort, search and filters", () => {
    expect(schema.parse({ page: "3", size: "50", sort: "-name", q: " acme ", status: "ready" })).toEqual({
      page: 3,
      size: 50,
      sort: { column: "name", desc: true },
      q: "acme",
      status: "ready",
    });
  });

  it("falls back to the defaults for junk instead of failing the page", () => {
    expect(schema.parse({ page: "-2", size: "7", sort: "password", q: "", status: "bogus" })).toEqual({
      page: 1,
      size: 25,
      sort: { column: "period", desc: true },
      q: undefined,
      status: undefined,
    });
  });

  it("reads a sort the way the tables write it", () => {
    expect(schema.shape.sort.parse(sortToParam({ column: "name", desc: false }))).toEqual({
      column: "name",
      desc: false,
    });
  });

  it("keeps the first of repeated search params", () => {
    expect(firstValues({ a: ["1", "2"], b: "x", c: undefined })).toEqual({ a: "1", b: "x" });
  });
});

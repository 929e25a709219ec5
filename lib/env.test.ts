import { describe, expect, it } from "vitest";
import { wantsDemoData } from "./env";

describe("demo data", () => {
  it("belongs to the embedded default, and to a configured database only when asked for", () => {
    expect(wantsDemoData({ DATABASE_URL: undefined, SEED_DEMO_DATA: false })).toBe(true);
    expect(wantsDemoData({ DATABASE_URL: "postgres://127.0.0.1/app", SEED_DEMO_DATA: false })).toBe(false);
    expect(wantsDemoData({ DATABASE_URL: "postgres://127.0.0.1/app", SEED_DEMO_DATA: true })).toBe(true);
  });
});

import { existsSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { acmeDraftFileId } from "@/test/usage-workbooks";
import { storeFile, sweepSpool } from "./stored-files";

const database = withTestDatabase();
const spoolDir = path.join(tmpdir(), "usage-portal-spool");

async function* bytes(text: string) {
  yield Buffer.from(text);
}

describe("the spool sweep at start", () => {
  it("removes what a crash left (an hour-old partial upload, a copy of a file no longer stored) and keeps the rest", async () => {
    await seedDemoData(database.handle.db);
    const stored = await storeFile(database.handle.db, {
      usageFileId: acmeDraftFileId,
      purpose: "uploaded",
      fileName: "kept.csv",
      contentType: "text/csv",
      content: bytes("record_id\n"),
      maxBytes: 1024,
    });
    if (!stored.ok) throw new Error("the file was not stored");
    const name = (label: string) => path.join(spoolDir, `sweep-test-${label}-${process.pid}-${Date.now()}`);
    const abandoned = `${name("abandoned")}.part`;
    const inProgress = `${name("in-progress")}.part`;
    const orphan = name("orphan");
    for (const file of [abandoned, inProgress, orphan]) writeFileSync(file, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    await sweepSpool(database.handle.db);

    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(inProgress)).toBe(true);
    rmSync(inProgress);
    expect(existsSync(path.join(spoolDir, stored.id))).toBe(true);
  });
});

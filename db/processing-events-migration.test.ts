import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/test/db";

const database = withTestDatabase();

describe("migration 0004", () => {
  it("names the processing outcomes recorded as 'processed' by the state machine's actions", async () => {
    await database.handle.rows(`
      INSERT INTO events (object_type, object_id, action, details) VALUES
        ('usage_file', 'UF-1', 'processed', '{"status": "ready", "records": 2}'),
        ('usage_file', 'UF-2', 'processed', '{"status": "invalid", "records": 2, "invalid": 1}'),
        ('usage_file', 'UF-3', 'processed', '{"status": "invalid", "reason": "Processing failed"}'),
        ('usage_file', 'UF-4', 'processed', '{}'),
        ('usage_file', 'UF-5', 'submit', '{}')`);
    await database.handle.rows(readFileSync("db/migrations/0004_processing_events.sql", "utf8"));
    const actions = await database.handle.rows<{ object_id: string; action: string }>(
      "SELECT object_id, action FROM events ORDER BY object_id",
    );
    expect(actions).toEqual([
      { object_id: "UF-1", action: "finish_valid" },
      { object_id: "UF-2", action: "finish_invalid" },
      { object_id: "UF-3", action: "fail_processing" },
      { object_id: "UF-4", action: "finish_valid" },
      { object_id: "UF-5", action: "submit" },
    ]);
  });
});

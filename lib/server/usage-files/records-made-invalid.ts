import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { summedGroupsOf } from "@/db/usage-file-totals";
import type { ErrorSummary } from "@/lib/domain/record-errors";
import { countedGroupOf, type CountedGroup, type SummedGroup } from "@/lib/domain/usage-stats";

/** What giving a file's records errors after they were loaded moved: for its stats and its error summary. */
export interface RecordsMadeInvalid {
  /** The records that were valid, summed by item, subscription and day. */
  groups: CountedGroup[];
  /** The errors given. */
  summary: ErrorSummary;
}

/**
 * Runs `changing`, SQL that defines a `changed` relation in a WITH clause (typically an UPDATE …
 * RETURNING) of the records given errors: `row_number`, `item_id`, `subscription_id`, `start_time`,
 * `quantity`, `amount`, `errors` (those given, as a JSON array) and `was_valid`. One statement
 * changes them and answers what moved, whatever the number of records.
 */
export async function recordsMadeInvalid(db: Database, changing: SQL): Promise<RecordsMadeInvalid> {
  const [moved] = await selectRows<{
    groups: SummedGroup[];
    byCode: ErrorSummary["byCode"];
    first: ErrorSummary["first"];
  }>(
    db,
    sql`WITH ${changing}
        SELECT
          ${summedGroupsOf(sql`(SELECT * FROM changed WHERE was_valid) AS made_invalid`)} AS groups,
          (SELECT coalesce(jsonb_object_agg(code, n), '{}') FROM (
            SELECT e ->> 'code' AS code, count(*)::int AS n
            FROM changed, jsonb_array_elements(changed.errors) e GROUP BY 1) c) AS "byCode",
          (SELECT coalesce(jsonb_agg(f ORDER BY f.row), '[]') FROM (
            SELECT c.row_number AS row, e ->> 'column' AS "column", e ->> 'code' AS code, e ->> 'message' AS message
            FROM changed c, jsonb_array_elements(c.errors) e ORDER BY c.row_number LIMIT 100) f) AS first`,
  );
  const groups = moved!.groups.map(countedGroupOf);
  const invalidRecords = groups.reduce((sum, group) => sum + group.records, 0);
  const total = Object.values(moved!.byCode).reduce((sum, count) => sum + (count ?? 0), 0);
  return { groups, summary: { total, invalidRecords, byCode: moved!.byCode, first: moved!.first } };
}

import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { longestQuotedValue } from "@/lib/domain/record-errors";
import { recordsMadeInvalid, type RecordsMadeInvalid } from "./records-made-invalid";

/**
 * A record_id used on an earlier row of the file makes the later record invalid, naming the first
 * row (SPEC §4). Reading the file, `SeenRecordIds` marks each record whose id it may have seen by
 * keeping its cells; once the rows are loaded into `partition` (not yet keyed nor attached), this
 * compares the marked records' ids exactly, gives the repeated ones their error, and takes the
 * cells off the others that are valid. Errors follow the order the rules give them: a cell's
 * unstorable characters first, then the repeated id, then the rest. A record_id cell that could
 * not be read is reported as such and not as repeated.
 */
export async function markRepeatedRecordIds(db: Database, partition: string): Promise<RecordsMadeInvalid> {
  const table = sql.identifier(partition);
  return recordsMadeInvalid(
    db,
    sql`marked AS (
          SELECT id, row_number, record_id, errors IS NULL AS was_valid FROM ${table}
          WHERE sheet_cells IS NOT NULL AND record_id <> ''
            AND NOT coalesce(jsonb_path_exists(errors,
              '$[*] ? (@.code == "unreadable_cell" && @.column like_regex "^ *record_id *$" flag "i")'), false)
        ),
        firsts AS (
          SELECT record_id, min(row_number) AS first_row FROM ${table}
          WHERE record_id COLLATE "C" IN (SELECT record_id COLLATE "C" FROM marked)
          GROUP BY record_id
        ),
        repeated AS (
          SELECT m.id, m.was_valid, jsonb_build_object('column', 'record_id', 'code', 'duplicate_record_id',
            'message', 'record_id ' || ${quotedSql(sql`m.record_id`)} || ' is already used on row '
              || f.first_row || '.') AS error
          FROM marked m JOIN firsts f
            ON f.record_id COLLATE "C" = m.record_id COLLATE "C" AND m.row_number > f.first_row
        ),
        uncovered AS (
          UPDATE ${table} p SET sheet_cells = NULL FROM marked m
          WHERE p.id = m.id AND m.was_valid AND NOT EXISTS (SELECT 1 FROM repeated WHERE repeated.id = m.id)
        ),
        changed AS (
          UPDATE ${table} p SET errors =
            coalesce(jsonb_path_query_array(p.errors, '$[*] ? (@.code == "invalid_character")'), '[]')
              || jsonb_build_array(repeated.error)
              || coalesce(jsonb_path_query_array(p.errors, '$[*] ? (@.code != "invalid_character")'), '[]')
          FROM repeated WHERE p.id = repeated.id
          RETURNING p.row_number, p.item_id, p.subscription_id, p.start_time, p.quantity, p.amount,
            jsonb_build_array(repeated.error) AS errors, repeated.was_valid
        )`,
  );
}

/**
 * `quoteValue` (lib/domain/record-errors.ts) in SQL: the value as JSON text, cut after its first
 * characters (counted as code points here, as UTF-16 units there: the two differ only for an id
 * that long beyond the BMP).
 */
function quotedSql(value: SQL): SQL {
  return sql`to_jsonb(CASE WHEN length(${value}) > ${longestQuotedValue}
    THEN left(${value}, ${longestQuotedValue}) || '…' ELSE ${value} END)::text`;
}

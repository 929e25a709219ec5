import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";

/** `count` Active subscriptions of Acme Compute on CRD-00001, `AS-9200-000000001` on, active all of 2024 and on. */
export async function insertSubscriptions(handle: DatabaseHandle, count: number): Promise<void> {
  await handle.db.execute(sql`
    INSERT INTO subscriptions (id, product_id, contract_id, external_id, external_uid, status, active_from)
    SELECT 'AS-9200-' || lpad(n::text, 9, '0'), 'PRD-100-001', 'CRD-00001', 'EXT-9200' || lpad(n::text, 9, '0'),
           'uid-bench-' || n, 'active', '2024-01-01T00:00:00Z'
    FROM generate_series(1, ${count}::int) AS n`);
}

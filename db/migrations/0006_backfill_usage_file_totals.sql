-- Files processed before usage_file_totals existed: their sums, from their current records once.
-- From now on processing writes them, and corrections and closings keep them right.
INSERT INTO usage_file_totals (usage_file_id, generation, subscription_id, item_id, records, quantity, amount, closed_records, closed_quantity, closed_amount)
SELECT r.usage_file_id, r.generation, r.subscription_id, r.item_id,
       count(*)::int, sum(r.quantity), sum(r.amount),
       (count(*) FILTER (WHERE r.closed_at IS NOT NULL))::int,
       coalesce(sum(r.quantity) FILTER (WHERE r.closed_at IS NOT NULL), 0),
       sum(r.amount) FILTER (WHERE r.closed_at IS NOT NULL)
FROM usage_records AS r
JOIN usage_files AS f ON f.id = r.usage_file_id AND f.generation = r.generation
WHERE r.errors IS NULL
GROUP BY r.usage_file_id, r.generation, r.subscription_id, r.item_id
ON CONFLICT DO NOTHING;

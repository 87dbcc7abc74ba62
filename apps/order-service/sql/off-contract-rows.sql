-- The rows that break the CHECK constraints of migration 0001_contract_checks, one line per row and constraint:
--   psql "$DATABASE_URL" -f apps/order-service/sql/off-contract-rows.sql
-- Each condition is its constraint's own (see the migration). Fix or delete each row listed, then start the service
-- again: the migration is applied once this lists nothing. Values are shown as JSON strings, so control characters
-- are visible (\n, \u0085), and cut at 100 characters.
SELECT 'users_id_valid' AS "constraint", 'users' AS "table", to_json("id")::text AS "id", left(to_json("id")::text, 100) AS "value"
FROM "users"
WHERE NOT (char_length("id") BETWEEN 1 AND 128 AND "id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "id" NOT IN ('.', '..'))
UNION ALL
SELECT 'orders_id_valid', 'orders', to_json("id")::text, left(to_json("id")::text, 100)
FROM "orders"
WHERE NOT (char_length("id") BETWEEN 1 AND 128 AND "id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "id" NOT IN ('.', '..'))
UNION ALL
SELECT 'orders_user_id_valid', 'orders', to_json("id")::text, left(to_json("user_id")::text, 100)
FROM "orders"
WHERE NOT (char_length("user_id") BETWEEN 1 AND 128 AND "user_id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "user_id" NOT IN ('.', '..'))
UNION ALL
SELECT 'orders_item_valid', 'orders', to_json("id")::text, left(to_json("item")::text, 100)
FROM "orders"
WHERE NOT (char_length("item") BETWEEN 1 AND 200 AND "item" !~ '[\u0000-\u001f\u007f-\u009f]')
UNION ALL
SELECT 'orders_idempotency_key_valid', 'orders', to_json("id")::text, left(to_json("idempotency_key")::text, 100)
FROM "orders"
WHERE NOT (char_length("idempotency_key") BETWEEN 1 AND 255 AND "idempotency_key" ~ '^[\u0021-\u007e]+$')
ORDER BY 1, 3;

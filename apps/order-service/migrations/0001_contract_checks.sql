-- Rows must keep the wire contract (libs/order-contract), whoever writes them. Lengths are char_length: Unicode code
-- points, as the contract counts. '[\u0000-\u001f\u007f-\u009f]' is the contract's CONTROL_CHARACTER_CLASS (C0, DEL,
-- C1); '^[\u0021-\u007e]+$' is IdempotencyKeySchema's printable ASCII without spaces. Constraints are validated
-- against existing rows: one offending row fails the migration with its constraint named, and nothing changes
-- (README, "Upgrading a database with off-contract rows"). One ALTER TABLE per table: one scan each.
ALTER TABLE "orders"
	ADD CONSTRAINT "orders_id_valid" CHECK (char_length("id") BETWEEN 1 AND 128 AND "id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "id" NOT IN ('.', '..')),
	ADD CONSTRAINT "orders_user_id_valid" CHECK (char_length("user_id") BETWEEN 1 AND 128 AND "user_id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "user_id" NOT IN ('.', '..')),
	ADD CONSTRAINT "orders_item_valid" CHECK (char_length("item") BETWEEN 1 AND 200 AND "item" !~ '[\u0000-\u001f\u007f-\u009f]'),
	ADD CONSTRAINT "orders_idempotency_key_valid" CHECK (char_length("idempotency_key") BETWEEN 1 AND 255 AND "idempotency_key" ~ '^[\u0021-\u007e]+$');--> statement-breakpoint
ALTER TABLE "users"
	ADD CONSTRAINT "users_id_valid" CHECK (char_length("id") BETWEEN 1 AND 128 AND "id" !~ '[\u0000-\u001f\u007f-\u009f]' AND "id" NOT IN ('.', '..'));

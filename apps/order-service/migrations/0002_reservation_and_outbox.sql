-- The order's reservation at the Inventory Service, and the outbox its events are written to in the order's own
-- transaction (README, "The event hop"). Every column keeps a named CHECK constraint. Existing rows cannot break
-- them: the column is new (NULL on older orders), the table empty.
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"pattern" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_id_positive" CHECK ("outbox"."id" > 0),
	CONSTRAINT "outbox_pattern_valid" CHECK (char_length("pattern") BETWEEN 1 AND 200 AND "pattern" !~ '[\u0000-\u001f\u007f-\u009f]'),
	CONSTRAINT "outbox_payload_object" CHECK (jsonb_typeof("outbox"."payload") = 'object'),
	CONSTRAINT "outbox_created_at_finite" CHECK (isfinite("outbox"."created_at")),
	CONSTRAINT "outbox_sent_after_created" CHECK ("outbox"."sent_at" >= "outbox"."created_at")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "reservation_id" text;--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" IS NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_reservation_id_valid" CHECK ("reservation_id" ~ '^res_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
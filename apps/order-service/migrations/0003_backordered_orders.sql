-- Backordered orders: an order's status ('placed' for every existing order, by the column's default) and when it was
-- backordered; outbox rows the relay withholds instead of publishing (a backordered order's announcement), kept with
-- their reason and left out of the relay's poll. Every column keeps a named CHECK constraint; existing rows keep them.
DROP INDEX "outbox_unsent_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "status" text DEFAULT 'placed' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "backordered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "withheld_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "withheld_reason" text;--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" IS NULL AND "outbox"."withheld_at" IS NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_status_known" CHECK ("status" IN ('placed', 'backordered'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_backordered_at_iff_backordered" CHECK (("orders"."status" = 'backordered') = ("orders"."backordered_at" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_withheld_reason_valid" CHECK (char_length("withheld_reason") BETWEEN 1 AND 500 AND "withheld_reason" !~ '[\u0000-\u001f\u007f-\u009f]');--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_withheld_with_reason" CHECK (("outbox"."withheld_at" IS NULL) = ("outbox"."withheld_reason" IS NULL));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_withheld_after_created" CHECK ("outbox"."withheld_at" >= "outbox"."created_at");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_sent_or_withheld" CHECK ("outbox"."sent_at" IS NULL OR "outbox"."withheld_at" IS NULL);
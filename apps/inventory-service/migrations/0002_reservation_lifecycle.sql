ALTER TABLE "inventory"."reservations" ADD COLUMN "state" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD COLUMN "held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD COLUMN "confirmed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD COLUMN "shipped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD COLUMN "received" bigint;--> statement-breakpoint
-- Reservations made before the lifecycle belong to orders already placed (the Order Service wrote each right after
-- reserving): they count as confirmed, never as holds the reaper would release.
UPDATE "inventory"."reservations" SET "state" = 'released' WHERE "released_at" IS NOT NULL;--> statement-breakpoint
UPDATE "inventory"."reservations" SET "state" = 'confirmed', "confirmed_at" = "created_at" WHERE "released_at" IS NULL;--> statement-breakpoint
UPDATE "inventory"."stock" AS s SET
	"confirmed" = coalesce((SELECT sum(r."quantity") FROM "inventory"."reservations" AS r WHERE r."item" = s."item" AND r."state" = 'confirmed'), 0),
	"received" = s."in_stock" + coalesce((SELECT sum(r."quantity") FROM "inventory"."reservations" AS r WHERE r."item" = s."item" AND r."state" = 'confirmed'), 0);--> statement-breakpoint
ALTER TABLE "inventory"."stock" ALTER COLUMN "received" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_state_known" CHECK ("inventory"."reservations"."state" in ('held', 'confirmed', 'shipped', 'released'));--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_confirmed_at_matches_state" CHECK (case "inventory"."reservations"."state" when 'held' then "inventory"."reservations"."confirmed_at" is null when 'released' then true else "inventory"."reservations"."confirmed_at" is not null end);--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_shipped_at_matches_state" CHECK (("inventory"."reservations"."state" = 'shipped') = ("inventory"."reservations"."shipped_at" is not null));--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_released_at_matches_state" CHECK ("inventory"."reservations"."state" <> 'released' or "inventory"."reservations"."released_at" is not null);--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD CONSTRAINT "stock_held_not_negative" CHECK ("inventory"."stock"."held" >= 0);--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD CONSTRAINT "stock_confirmed_not_negative" CHECK ("inventory"."stock"."confirmed" >= 0);--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD CONSTRAINT "stock_shipped_not_negative" CHECK ("inventory"."stock"."shipped" >= 0);--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD CONSTRAINT "stock_received_adds_up" CHECK ("inventory"."stock"."in_stock"::bigint + "inventory"."stock"."held" + "inventory"."stock"."confirmed" + "inventory"."stock"."shipped" = "inventory"."stock"."received");
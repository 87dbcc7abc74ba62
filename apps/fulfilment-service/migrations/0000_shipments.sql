-- Fulfilment keeps its shipments in its own schema; one row per order: a repeated orders.placed inserts nothing.
CREATE SCHEMA IF NOT EXISTS "fulfilment";
--> statement-breakpoint
CREATE TABLE "fulfilment"."shipments" (
	"order_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"reservation_id" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_order_id_not_empty" CHECK (char_length("fulfilment"."shipments"."order_id") > 0),
	CONSTRAINT "shipments_user_id_not_empty" CHECK (char_length("fulfilment"."shipments"."user_id") > 0),
	CONSTRAINT "shipments_item_not_empty" CHECK (char_length("fulfilment"."shipments"."item") > 0),
	CONSTRAINT "shipments_quantity_positive" CHECK ("fulfilment"."shipments"."quantity" > 0),
	CONSTRAINT "shipments_reservation_id_valid" CHECK ("fulfilment"."shipments"."reservation_id" ~ '^res_')
);

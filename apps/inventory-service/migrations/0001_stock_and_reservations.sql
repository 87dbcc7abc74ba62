CREATE TABLE "inventory"."reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "reservations_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "reservations_quantity_positive" CHECK ("inventory"."reservations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock" (
	"item" text PRIMARY KEY NOT NULL,
	"in_stock" integer NOT NULL,
	CONSTRAINT "stock_in_stock_not_negative" CHECK ("inventory"."stock"."in_stock" >= 0)
);
--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_item_stock_item_fk" FOREIGN KEY ("item") REFERENCES "inventory"."stock"("item") ON DELETE no action ON UPDATE no action;
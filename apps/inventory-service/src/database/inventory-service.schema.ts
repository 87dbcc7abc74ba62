import { pgSchema } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema of the Inventory Service: its tables and its migration journal live here, so services sharing
 * one database never see each other's tables or skip each other's migrations. Declare tables with
 * `inventoryDbSchema.table(...)`, add them to `inventoryServiceSchema`, then
 * `npx nx run inventory-service:generate-migration --name=<what_it_does>`.
 */
export const inventoryDbSchema = pgSchema('inventory');

export const inventoryServiceSchema = {};

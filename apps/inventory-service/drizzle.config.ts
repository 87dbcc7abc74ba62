import { defineConfig } from 'drizzle-kit';

/** `npx nx run inventory-service:generate-migration --name=<what_it_does>` writes the next migration. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/inventory-service/src/database/inventory-service.schema.ts',
  out: './apps/inventory-service/migrations',
  schemaFilter: ['inventory'],
  migrations: { schema: 'inventory' },
});

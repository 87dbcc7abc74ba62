import { defineConfig } from 'drizzle-kit';

/**
 * `npx nx run order-service:generate-migration --name=<what_it_does>` writes the next migration (drizzle-kit, with
 * the workspace's tsconfig paths, as the schema imports the contract's limits and character classes).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/order-service/src/database/order-service.schema.ts',
  out: './apps/order-service/migrations',
});

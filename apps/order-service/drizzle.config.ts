import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config apps/order-service/drizzle.config.ts` writes the next migration. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/order-service/src/database/order-service.schema.ts',
  out: './apps/order-service/migrations',
});

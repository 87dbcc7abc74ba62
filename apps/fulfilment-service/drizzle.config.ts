import { defineConfig } from 'drizzle-kit';

/** `npx nx run fulfilment-service:generate-migration --name=<what_it_does>` writes the next migration. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/fulfilment-service/src/database/fulfilment-service.schema.ts',
  out: './apps/fulfilment-service/migrations',
  schemaFilter: ['fulfilment'],
  migrations: { schema: 'fulfilment' },
});

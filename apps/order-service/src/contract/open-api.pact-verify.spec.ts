import { isMessagePact, pactsUnderVerification } from '@boundary/testing/pact';
import { readFileSync } from 'node:fs';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

interface PactInteraction {
  type?: string;
  description: string;
  request: { method: string; path: string };
  response: { status: number; body?: { content?: unknown } };
}

interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema: OpenApiSchema }> }>;
}

interface OpenApiSchema {
  type?: string;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
}

/** Every HTTP interaction the pacts under verification hold for the Order Service (its events are AsyncAPI's). */
function pactInteractions(): PactInteraction[] {
  return pactsUnderVerification('order-service')
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { interactions: PactInteraction[] })
    .flatMap((pact) => pact.interactions)
    .filter((interaction) => interaction.type === undefined || interaction.type === 'Synchronous/HTTP');
}

/** The OpenAPI path template (`/users/{userId}/orders`) that a concrete pact path matches. */
function templateFor(paths: string[], path: string): string | undefined {
  return paths.find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

/** The field names an example body uses, as a path → names map (`$` for the body, `$[]` for array items). */
function fieldsOf(body: unknown, at = '$'): Record<string, string[]> {
  if (Array.isArray(body)) return body.length > 0 ? fieldsOf(body[0], `${at}[]`) : {};
  if (body === null || typeof body !== 'object') return {};
  return { [at]: Object.keys(body).sort() };
}

/** The same map for a schema: which properties it declares at each level. */
function fieldsDeclared(schema: OpenApiSchema, at = '$'): Record<string, string[]> {
  if (schema.type === 'array' && schema.items) return fieldsDeclared(schema.items, `${at}[]`);
  return schema.properties ? { [at]: Object.keys(schema.properties).sort() } : {};
}

describe('the Order Service OpenAPI document describes what the pacts use', () => {
  let database: TestDatabase;
  let started: OrderServiceTestApp;
  let document: { paths: Record<string, Record<string, OpenApiOperation>> };

  beforeAll(async () => {
    database = await TEST_BACKENDS[0].create();
    started = await startOrderServiceTestApp(database.options());
    document = (await started.get('/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await started?.app.close();
    await database?.drop();
  });

  const interactions = pactInteractions();
  const rows = interactions.map((interaction) => [interaction.description, interaction] as const);
  // can-i-deploy may verify one message pact alone (the Fulfilment Service's): it holds no route to check, and Jest
  // refuses an empty table.
  const messagesOnly = pactsUnderVerification('order-service').every(isMessagePact);
  const eachRoute = messagesOnly ? it.skip.each([['(no HTTP interaction)', {} as PactInteraction] as const]) : it.each(rows);

  (messagesOnly ? it.skip : it)('has interactions to check', () => {
    expect(interactions.length).toBeGreaterThan(0);
  });

  eachRoute(
    '%s: route, status and body fields are documented',
    (_description, interaction) => {
      const template = templateFor(Object.keys(document.paths), interaction.request.path);
      const { path } = interaction.request;
      expect({ path, template }).toEqual({ path, template: expect.any(String) });
      const operation = document.paths[template as string][interaction.request.method.toLowerCase()];
      expect(operation).toBeDefined();
      const response = operation.responses[String(interaction.response.status)];
      expect(response).toBeDefined();
      const used = fieldsOf(interaction.response.body?.content);
      const declared = fieldsDeclared(response.content?.['application/json']?.schema ?? {});
      for (const [at, fields] of Object.entries(used)) {
        expect({ at, fields: fields.filter((field) => !declared[at]?.includes(field)) }).toEqual({ at, fields: [] });
      }
    },
  );
});

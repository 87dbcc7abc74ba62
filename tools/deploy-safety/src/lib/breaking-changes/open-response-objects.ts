/** An OpenAPI document as parsed JSON, read loosely: only the parts the check walks are named. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation | unknown>>;
  [key: string]: unknown;
}

/** An operation's parts that the check reads. */
export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function withoutClosedObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutClosedObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword, value]) => !(keyword === 'additionalProperties' && value === false))
      .map(([keyword, value]) => [keyword, withoutClosedObjects(value)]),
  );
}

/**
 * A copy of `document` whose response schemas allow unknown properties. The services document their answers as
 * closed objects (`additionalProperties: false`), so a set-based diff would call every added response field
 * breaking; but clients read answers as tolerant readers (a Pact consumer ignores fields it does not name), so an
 * added field is additive. Request schemas stay closed: a service that refuses a field it used to accept breaks
 * its clients.
 */
export function withOpenResponseObjects(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  for (const operations of Object.values(copy.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const responses = (operation as OpenApiOperation | undefined)?.responses;
      for (const response of Object.values(responses ?? {})) {
        for (const media of Object.values(response?.content ?? {})) {
          if (media && 'schema' in media) media.schema = withoutClosedObjects(media.schema);
        }
      }
    }
  }
  return copy;
}

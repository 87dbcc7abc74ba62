import { z } from 'zod';
import { ErrorBodySchema } from './error-body.schema';

/** A zod schema as an OpenAPI 3.0 schema object, so published documents derive from the same source as validation. */
export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown>;
}

/** {@link ErrorBodySchema} as an OpenAPI schema object: every service's error answers, for `@ApiErrorResponses`. */
export const ErrorBodyOpenApiSchema = toOpenApiSchema(ErrorBodySchema);

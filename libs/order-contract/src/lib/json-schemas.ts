import { z } from 'zod';
import { ErrorBodySchema } from '@boundary/http-conventions';
import { OrderListSchema, OrderSchema } from './order.schema';

/** A zod schema as an OpenAPI 3.0 schema object, so published documents derive from the same source as validation. */
export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown>;
}

/** OpenAPI schema objects of the wire contract, for `@ApiResponse({ schema })` in both services. */
export const ContractOpenApiSchemas = {
  Order: toOpenApiSchema(OrderSchema),
  OrderList: toOpenApiSchema(OrderListSchema),
  ErrorBody: toOpenApiSchema(ErrorBodySchema),
} as const;

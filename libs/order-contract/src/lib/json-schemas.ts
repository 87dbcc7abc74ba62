import { toOpenApiSchema } from '@boundary/http-conventions';
import { OrderListSchema, OrderSchema } from './order.schema';

/** OpenAPI schema objects of the Order Service's wire contract, for `@ApiResponse({ schema })` in both services. */
export const ContractOpenApiSchemas = {
  Order: toOpenApiSchema(OrderSchema),
  OrderList: toOpenApiSchema(OrderListSchema),
} as const;

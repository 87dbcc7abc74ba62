import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** An OpenAPI schema object, e.g. `ErrorBodyOpenApiSchema` of `@boundary/http-conventions`. */
export type OpenApiSchema = Parameters<typeof ApiResponse>[0] extends infer O ? (O extends { schema?: infer S } ? S : never) : never;

/**
 * Documents a route's error answers in one decorator: each status with its description, all with the same error
 * body schema (every error answer of the services has one shape).
 *
 * @example \@ApiErrorResponses(ErrorBodyOpenApiSchema, { 400: 'Invalid user id', 404: 'Unknown user' })
 */
export function ApiErrorResponses(schema: OpenApiSchema, responses: Record<number, string>): MethodDecorator {
  return applyDecorators(
    ...Object.entries(responses).map(([status, description]) => ApiResponse({ status: Number(status), description, schema })),
  );
}

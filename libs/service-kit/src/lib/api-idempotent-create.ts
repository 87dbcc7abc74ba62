import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { OpenApiSchema } from './api-error-responses';


/** What an idempotent create route answers, for `ApiIdempotentCreate`. */
export interface IdempotentCreateDocs {
  /** Schema of the created resource, answered on `201` and on a repeat (`200`). */
  schema: OpenApiSchema;
  /** What the `Location` of a created resource looks like, e.g. `/orders/<order_id>`. */
  location: string;
  /** What the `Idempotency-Key` header accepts (and what happens without one). */
  key: string;
}

/**
 * Documents a create route made safe to repeat by an `Idempotency-Key`: the optional header, `201` with the created
 * resource and its `Location`, and `200` with the same resource for a repeat of the key with the same body.
 */
export function ApiIdempotentCreate({ schema, location, key }: IdempotentCreateDocs): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: key }),
    ApiResponse({
      status: 201,
      description: 'Created',
      schema,
      headers: { Location: { description: `\`${location}\``, schema: { type: 'string' } } },
    }),
    ApiResponse({ status: 200, description: 'A repeat of an earlier request with the same key: what it created', schema }),
  );
}

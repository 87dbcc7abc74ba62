import { ErrorBodyOpenApiSchema, nestRoute, toOpenApiSchema } from '@boundary/http-conventions';
import { OrderServiceClient } from '@boundary/order-client';
import {
  DEFAULT_PAGE_SIZE,
  nextUserOrdersPageLink,
  ORDER_ROUTES,
  UserIdSchema,
} from '@boundary/order-contract';
import { ApiErrorResponses, ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { UserOrdersQuerySchema, type UserOrdersQuery } from './user-orders.request';
import { UserOrdersResponseSchema, type UserOrdersResponse } from './user-orders.response';

export const parseUserId = new ZodValidationPipe(UserIdSchema, 'user id', 'INVALID_USER_ID');
const parseQuery = new ZodValidationPipe(UserOrdersQuerySchema, 'query', 'INVALID_QUERY');
const ERROR = ErrorBodyOpenApiSchema;

@Controller()
export class UserOrdersController {
  constructor(private readonly orderService: OrderServiceClient) {}

  /**
   * A page of a user's order history from the Order Service, newest first, with the next page's URL in a
   * `Link: <…>; rel="next"` header. Failures are typed `OrderServiceError`s, answered by `orderServiceFailureProblem`.
   */
  @Get(nestRoute(ORDER_ROUTES.userOrders))
  @ApiOperation({ summary: 'A page of a user’s order history, from the Order Service' })
  @ApiParam({ name: 'userId', description: '1–128 characters, no control characters' })
  @ApiQuery({ name: 'limit', required: false, description: `Orders per page, 1–100 (default ${DEFAULT_PAGE_SIZE})` })
  @ApiQuery({ name: 'cursor', required: false, description: 'Opaque; from the previous page’s Link header' })
  @ApiOkResponse({
    description: 'The orders (possibly none)',
    schema: toOpenApiSchema(UserOrdersResponseSchema),
    headers: { Link: { description: '`<…>; rel="next"` when there is a next page', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid user id, limit or cursor (also a cursor the Order Service refuses)',
    404: 'The Order Service does not know the user',
    502: 'The Order Service is unreachable, failed, or broke the contract',
    503: 'The Order Service is not called while it recovers',
    504: 'The Order Service timed out',
  })
  userOrders(
    @Param('userId', parseUserId) userId: string,
    @Query(parseQuery) query: UserOrdersQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Observable<UserOrdersResponse> {
    return this.orderService.getUserOrdersPage(userId, query).pipe(
      map(({ orders, nextCursor }) => {
        if (nextCursor !== undefined) reply.header('Link', nextUserOrdersPageLink(userId, query.limit ?? DEFAULT_PAGE_SIZE, nextCursor));
        return { user_id: userId, orders };
      }),
    );
  }

  /** An empty id cannot match `:userId`; answer the same 400 as any other invalid id instead of a bare 404. */
  @Get('users//orders')
  @ApiOperation({ summary: 'Always 400: the user id is empty' })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid user id',
  })
  emptyUserId(): never {
    return parseUserId.transform('') as never;
  }
}

import { randomUUID } from 'node:crypto';
import { ErrorBodyOpenApiSchema, IDEMPOTENCY_KEY_HEADER, nestRoute, toOpenApiSchema } from '@boundary/http-conventions';
import { OrderServiceClient } from '@boundary/order-client';
import { OrderIdSchema, ORDER_ROUTES } from '@boundary/order-contract';
import { ApiErrorResponses, ApiIdempotentCreate, parseIdempotencyKey, ZodValidationPipe } from '@boundary/service-kit';
import { Body, Controller, Get, Headers, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { firstValueFrom, map, type Observable } from 'rxjs';
import { userOrderLocation, USER_ORDER_ROUTE } from './user-order.path';
import { parseUserId } from './user-orders.controller';
import { NewUserOrderSchema, type NewUserOrder } from './user-orders.request';
import { UserOrderResponseSchema, type UserOrderResponse } from './user-orders.response';

const parseOrderId = new ZodValidationPipe(OrderIdSchema, 'order id', 'INVALID_ORDER_ID');
const parseNewOrder = new ZodValidationPipe(NewUserOrderSchema, 'order', 'INVALID_ORDER');
const ERROR = ErrorBodyOpenApiSchema;
const USER_ORDER = toOpenApiSchema(UserOrderResponseSchema);

/** One order of a user, and new orders: the Order Service's `GET /orders/:orderId` and `POST /orders`, per user. */
@Controller()
export class UserOrderController {
  constructor(private readonly orderService: OrderServiceClient) {}

  /** One order of the user; an order of another user is answered exactly as an unknown order. */
  @Get(nestRoute(USER_ORDER_ROUTE))
  @ApiOperation({ summary: 'One order of a user' })
  @ApiOkResponse({ description: 'The order', schema: USER_ORDER })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid user id or order id',
    404: 'No such order of this user (`ORDER_NOT_FOUND`)',
    502: 'The Order Service is unreachable, failed, or broke the contract',
    504: 'The Order Service timed out',
  })
  order(@Param('userId', parseUserId) userId: string, @Param('orderId', parseOrderId) orderId: string): Observable<UserOrderResponse> {
    return this.orderService.getOrder(orderId).pipe(
      map(({ user_id, ...order }) => {
        // Whether the order exists at all is not this caller's business when it is someone else's.
        if (user_id !== userId) throw new NotFoundException({ error: 'Order not found', code: 'ORDER_NOT_FOUND' });
        return { user_id: userId, order };
      }),
    );
  }

  /**
   * Creates an order for the user through the Order Service. The caller's `Idempotency-Key` is passed through; one
   * is generated when absent, so the client may still retry the POST safely. `201` when created, `200` when the key
   * repeats an earlier request with the same body, `409` when it was used for another body. The Order Service
   * reserves the stock with the inventory first: `409 OUT_OF_STOCK`, `422 UNKNOWN_ITEM` and `503 INVENTORY_UNAVAILABLE`
   * are its answers, passed through.
   */
  @Post(nestRoute(ORDER_ROUTES.userOrders))
  @ApiOperation({ summary: 'Create an order for a user (idempotent with an Idempotency-Key)' })
  @ApiBody({ schema: toOpenApiSchema(NewUserOrderSchema) })
  @ApiIdempotentCreate({ schema: USER_ORDER, location: '/users/<user_id>/orders/<order_id>', key: '1–255 printable characters; generated when absent' })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid user id, body or Idempotency-Key',
    409: 'Idempotency-Key used before with a different body (`IDEMPOTENCY_KEY_REUSED`), or not enough stock (`OUT_OF_STOCK`)',
    422: 'No such item in the inventory (`UNKNOWN_ITEM`)',
    502: 'The Order Service is unreachable, failed, or broke the contract',
    503: 'The inventory is unavailable (`INVENTORY_UNAVAILABLE`), or the Order Service is not called while it recovers',
    504: 'The Order Service timed out',
  })
  async createOrder(
    @Param('userId', parseUserId) userId: string,
    @Body(parseNewOrder) body: NewUserOrder,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKeyHeader: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader) ?? randomUUID();
    const { order, created } = await firstValueFrom(this.orderService.createOrder({ user_id: userId, ...body }, { idempotencyKey }));
    const { user_id, ...wireOrder } = order;
    const answer: UserOrderResponse = { user_id, order: wireOrder };
    // Sent here rather than returned: Nest would overwrite a 200 replay with POST's default 201.
    await reply.status(created ? 201 : 200).header('Location', userOrderLocation(user_id, order.order_id)).send(answer);
  }
}

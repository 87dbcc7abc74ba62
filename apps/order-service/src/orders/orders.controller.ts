import {
  ContractOpenApiSchemas,
  CreateOrderRequestSchema,
  OrderHistoryQuerySchema,
  OrderDetailSchema,
  nextUserOrdersPageLink,
  OrderIdSchema,
  ORDER_ROUTES,
  UserIdSchema,
  type CreateOrderRequest,
  type Order,
  type OrderDetail,
  type OrderHistoryQuery,
} from '@boundary/order-contract';
import { ErrorBodyOpenApiSchema, expandPath, IDEMPOTENCY_KEY_HEADER, nestRoute, toOpenApiSchema } from '@boundary/http-conventions';
import { ApiErrorResponses, ApiIdempotentCreate, parseIdempotencyKey, ZodValidationPipe } from '@boundary/service-kit';
import { Body, Controller, Get, Headers, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';
import { OrderPlacement } from './order-placement';
import { OrderRepository } from './order.repository';

const parseUserId = new ZodValidationPipe(UserIdSchema, 'user id', 'INVALID_USER_ID');
const parseOrderId = new ZodValidationPipe(OrderIdSchema, 'order id', 'INVALID_ORDER_ID');
const parseHistoryQuery = new ZodValidationPipe(OrderHistoryQuerySchema, 'query', 'INVALID_QUERY');
const parseNewOrder = new ZodValidationPipe(CreateOrderRequestSchema, 'order', 'INVALID_ORDER');
const ERROR = ErrorBodyOpenApiSchema;
const ORDER_DETAIL = toOpenApiSchema(OrderDetailSchema);

@ApiTags('orders')
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrderRepository,
    private readonly placement: OrderPlacement,
  ) {}

  /**
   * A page of a user's orders as a bare JSON array (the fixed wire shape), newest first; the next page's URL in a
   * `Link: <…>; rel="next"` header. `404` for a user the service does not know, `400` for a bad limit or cursor.
   */
  @Get(nestRoute(ORDER_ROUTES.userOrders))
  @ApiOperation({ summary: 'A page of a user’s orders, newest first' })
  @ApiParam({ name: 'userId', description: '1–128 characters, no control characters' })
  @ApiQuery({ name: 'limit', required: false, description: 'Orders per page, 1–100 (default 50)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'Opaque; from the previous page’s Link header' })
  @ApiOkResponse({
    description: 'The orders (possibly none) as a bare array',
    schema: ContractOpenApiSchemas.OrderList,
    headers: { Link: { description: '`<…>; rel="next"` when there is a next page', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid user id, limit or cursor',
    404: 'Unknown user',
    503: 'Database unavailable',
  })
  async userOrders(
    @Param('userId', parseUserId) userId: string,
    @Query(parseHistoryQuery) query: OrderHistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Order[]> {
    const after = query.cursor === undefined ? undefined : decodeOrderCursor(query.cursor);
    const page = await this.orders.findUserOrders(userId, { limit: query.limit, after });
    if (page === undefined) {
      throw new NotFoundException({ error: 'Unknown user', code: 'USER_NOT_FOUND' });
    }
    if (page.nextAfter !== undefined) {
      reply.header('Link', nextUserOrdersPageLink(userId, query.limit, encodeOrderCursor(page.nextAfter)));
    }
    return page.orders;
  }

  /** An empty id cannot match `:userId`; answer the same 400 as any other invalid id instead of a bare 404. */
  @Get('users//orders')
  @ApiOperation({ summary: 'An empty user id: always 400', deprecated: true })
  emptyUserId(): never {
    return parseUserId.transform('') as never;
  }

  /** One order with its owner; `404` when there is none. */
  @Get(nestRoute(ORDER_ROUTES.order))
  @ApiOperation({ summary: 'One order with its owner' })
  @ApiOkResponse({ description: 'The order', schema: ORDER_DETAIL })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid order id',
    404: 'Unknown order',
  })
  async order(@Param('orderId', parseOrderId) orderId: string): Promise<OrderDetail> {
    const order = await this.orders.findOrder(orderId);
    if (order === undefined) {
      throw new NotFoundException({ error: 'Unknown order', code: 'ORDER_NOT_FOUND' });
    }
    return order;
  }

  /**
   * Creates an order: `201` with the order and its `Location`, committed before the answer. With an
   * `Idempotency-Key`, a repeat of the same body answers `200` with the first order; a different body, `409`. The
   * units are reserved with the Inventory Service first (`OrderPlacement`): `409 OUT_OF_STOCK`, `422 UNKNOWN_ITEM`,
   * `503 INVENTORY_UNAVAILABLE` with nothing written or reserved.
   */
  @Post(nestRoute(ORDER_ROUTES.orders))
  @ApiOperation({ summary: 'Create an order (idempotent with an Idempotency-Key)' })
  @ApiBody({ schema: toOpenApiSchema(CreateOrderRequestSchema) })
  @ApiIdempotentCreate({ schema: ORDER_DETAIL, location: '/orders/<order_id>', key: '1–255 printable characters' })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid body or Idempotency-Key, malformed JSON',
    409: 'Idempotency-Key used before with a different body (`IDEMPOTENCY_KEY_REUSED`), or not enough stock (`OUT_OF_STOCK`)',
    413: 'Body over 100 kB',
    415: 'Body is not application/json',
    422: 'No such item in the inventory (`UNKNOWN_ITEM`)',
    503: 'Database unavailable (`DATABASE_UNAVAILABLE`), or the inventory (`INVENTORY_UNAVAILABLE`)',
  })
  async createOrder(
    @Body(parseNewOrder) body: CreateOrderRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKeyHeader: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const { order, created } = await this.placement.place(body, idempotencyKey);
    // Sent here rather than returned: Nest would overwrite a 200 replay with POST's default 201.
    await reply
      .status(created ? 201 : 200)
      .header('Location', expandPath(ORDER_ROUTES.order, { orderId: order.order_id }))
      .send(order);
  }
}

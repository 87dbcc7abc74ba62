import { IdempotencyKeyReusedError } from '@boundary/service-kit';
import type { CreateOrderRequest, Order, OrderDetail } from '@boundary/order-contract';
import { Injectable } from '@nestjs/common';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import { OrderDatabase } from '../database/order-database';
import { orders, outbox, users } from '../database/order-service.schema';
import { orderPlacedRow } from '../events/order-placed.row';
import { InvalidCursorError } from './invalid-cursor.error';
import { isSameOrder } from './same-order';
import {
  OrderRepository,
  type OrderCreation,
  type OrderHistorySlice,
  type OrderHistorySliceRequest,
  type OrderPlacementFacts,
} from './order.repository';

const wireOrder = { order_id: orders.id, item: orders.item, quantity: orders.quantity, status: orders.status };
const wireOrderDetail = { ...wireOrder, user_id: orders.userId };
const anchor = alias(orders, 'anchor');

/** Orders in PostgreSQL or PGlite through Drizzle: every statement is built by Drizzle with bound parameters. */
@Injectable()
export class DrizzleOrderRepository extends OrderRepository {
  /**
   * A history's first page — most reads — as one prepared statement: Drizzle builds its SQL once, and PostgreSQL
   * parses and plans it once per connection instead of on every request.
   */
  private readonly firstPage;

  constructor(private readonly database: OrderDatabase) {
    super();
    this.firstPage = database.db
      .select(wireOrder)
      .from(orders)
      .where(eq(orders.userId, sql.placeholder('userId')))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(sql.placeholder('limit'))
      .prepare('user_orders_first_page');
  }

  async findUserOrders(userId: string, slice: OrderHistorySliceRequest): Promise<OrderHistorySlice | undefined> {
    const rows: Order[] =
      slice.after === undefined
        ? await this.firstPage.execute({ userId, limit: slice.limit + 1 })
        : await this.pageAfter(userId, slice.after, slice.limit + 1);
    if (rows.length === 0) return this.emptySlice(userId, slice.after);
    const sliceRows = rows.slice(0, slice.limit);
    return {
      orders: sliceRows,
      nextAfter: rows.length > slice.limit ? sliceRows[sliceRows.length - 1].order_id : undefined,
    };
  }

  /** Keyset: strictly after the anchor order in (created_at DESC, id DESC) — the order of the history index. */
  private pageAfter(userId: string, after: string, limit: number): Promise<Order[]> {
    const { db } = this.database;
    const afterAnchor = sql`(${orders.createdAt}, ${orders.id}) < (${db
      .select({ createdAt: anchor.createdAt, id: anchor.id })
      .from(anchor)
      .where(and(eq(anchor.id, after), eq(anchor.userId, userId)))})`;
    return db
      .select(wireOrder)
      .from(orders)
      .where(and(eq(orders.userId, userId), afterAnchor))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit);
  }

  async findOrder(orderId: string): Promise<OrderDetail | undefined> {
    const [order] = await this.database.db.select(wireOrderDetail).from(orders).where(eq(orders.id, orderId));
    return order;
  }

  async createOrder(request: CreateOrderRequest, { reservationId, idempotencyKey }: OrderPlacementFacts): Promise<OrderCreation> {
    return this.database.db.transaction(async (tx) => {
      await tx.insert(users).values({ id: request.user_id }).onConflictDoNothing();
      // With a key, a concurrent insert of the same key waits for the first to commit, then inserts nothing.
      const [created] = await tx
        .insert(orders)
        .values({
          id: `ord_${randomUUID()}`,
          userId: request.user_id,
          item: request.item,
          quantity: request.quantity,
          idempotencyKey,
          reservationId,
        })
        .onConflictDoNothing({ target: orders.idempotencyKey })
        .returning({ ...wireOrderDetail, placedAt: orders.createdAt });
      if (created) {
        const { placedAt, ...order } = created;
        await tx.insert(outbox).values(orderPlacedRow({ ...order, reservation_id: reservationId, placed_at: placedAt }));
        return { order, created: true };
      }
      const [earlier] = await tx
        .select(wireOrderDetail)
        .from(orders)
        .where(eq(orders.idempotencyKey, idempotencyKey as string));
      if (!isSameOrder(earlier, request)) {
        // Thrown inside the transaction: the user row written above is rolled back too.
        throw new IdempotencyKeyReusedError(idempotencyKey as string);
      }
      return { order: earlier, created: false };
    });
  }

  async findOrderByIdempotencyKey(idempotencyKey: string): Promise<OrderDetail | undefined> {
    const [order] = await this.database.db.select(wireOrderDetail).from(orders).where(eq(orders.idempotencyKey, idempotencyKey));
    return order;
  }

  async registerUser(userId: string): Promise<void> {
    await this.database.db.insert(users).values({ id: userId }).onConflictDoNothing();
  }

  /** No rows: an unknown user, a known user with nothing (more) to show, or a cursor that is not theirs. */
  private async emptySlice(userId: string, after: string | undefined): Promise<OrderHistorySlice | undefined> {
    const { db } = this.database;
    if (after !== undefined) {
      const [owned] = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.id, after), eq(orders.userId, userId)));
      if (!owned) throw new InvalidCursorError('not a position in this user’s orders');
      return { orders: [] };
    }
    const [known] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    return known ? { orders: [] } : undefined;
  }
}

import { DEMO_ORDERS, DEMO_USER_ID, USER_WITHOUT_ORDERS_ID, type Order } from '@boundary/order-contract';
import { Injectable } from '@nestjs/common';
import { OrderRepository } from './order.repository';

/** Orders held in process memory, seeded with the demo data: user123's two orders and user000 with none. */
@Injectable()
export class InMemoryOrderRepository extends OrderRepository {
  private readonly ordersByUser = new Map<string, readonly Order[]>([
    [DEMO_USER_ID, DEMO_ORDERS],
    [USER_WITHOUT_ORDERS_ID, []],
  ]);

  async findByUser(userId: string): Promise<Order[] | undefined> {
    const orders = this.ordersByUser.get(userId);
    return orders?.map((order) => ({ ...order }));
  }
}

import { UserIdSchema, type Order } from '@boundary/order-contract';
import { ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { OrderRepository } from './order.repository';

const parseUserId = new ZodValidationPipe(UserIdSchema, 'user id', 'INVALID_USER_ID');

@Controller()
export class OrdersController {
  constructor(private readonly orders: OrderRepository) {}

  /** A user's orders as a bare JSON array (the fixed wire shape); `404` for a user the service does not know. */
  @Get('users/:userId/orders')
  async userOrders(
    @Param('userId', parseUserId) userId: string,
  ): Promise<Order[]> {
    const orders = await this.orders.findByUser(userId);
    if (orders === undefined) {
      throw new NotFoundException({ error: 'Unknown user', code: 'USER_NOT_FOUND' });
    }
    return orders;
  }

  /** An empty id cannot match `:userId`; answer the same 400 as any other invalid id instead of a bare 404. */
  @Get('users//orders')
  emptyUserId(): never {
    return parseUserId.transform('') as never;
  }
}

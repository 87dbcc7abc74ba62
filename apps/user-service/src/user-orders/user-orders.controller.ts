import { OrderServiceClient } from '@boundary/order-client';
import { UserIdSchema } from '@boundary/order-contract';
import { ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, Param } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { UserOrdersResponse } from './user-orders.response';

const parseUserId = new ZodValidationPipe(UserIdSchema, 'user id', 'INVALID_USER_ID');

@Controller()
export class UserOrdersController {
  constructor(private readonly orderService: OrderServiceClient) {}

  /**
   * A user's order history from the Order Service. Failures are typed `OrderServiceError`s, answered by
   * `orderServiceProblem` (404, 502, 504).
   */
  @Get('users/:userId/orders')
  userOrders(@Param('userId', parseUserId) userId: string): Observable<UserOrdersResponse> {
    return this.orderService.getUserOrders(userId).pipe(map((orders) => ({ user_id: userId, orders })));
  }

  /** An empty id cannot match `:userId`; answer the same 400 as any other invalid id instead of a bare 404. */
  @Get('users//orders')
  emptyUserId(): never {
    return parseUserId.transform('') as never;
  }
}

import { OrderServiceClient } from '@boundary/order-client';
import { ContractOpenApiSchemas, toOpenApiSchema, UserIdSchema } from '@boundary/order-contract';
import { ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { UserOrdersResponseSchema, type UserOrdersResponse } from './user-orders.response';

const parseUserId = new ZodValidationPipe(UserIdSchema, 'user id', 'INVALID_USER_ID');

@Controller()
export class UserOrdersController {
  constructor(private readonly orderService: OrderServiceClient) {}

  /**
   * A user's order history from the Order Service. Failures are typed `OrderServiceError`s, answered by
   * `orderServiceProblem` (404, 502, 504).
   */
  @Get('users/:userId/orders')
  @ApiOperation({ summary: 'A user’s order history, from the Order Service' })
  @ApiParam({ name: 'userId', description: '1–128 characters, no control characters' })
  @ApiOkResponse({ description: 'The orders (possibly none)', schema: toOpenApiSchema(UserOrdersResponseSchema) })
  @ApiResponse({ status: 400, description: 'Invalid user id', schema: ContractOpenApiSchemas.ErrorBody })
  @ApiResponse({ status: 404, description: 'The Order Service does not know the user', schema: ContractOpenApiSchemas.ErrorBody })
  @ApiResponse({
    status: 502,
    description: 'The Order Service is unreachable, failed, or broke the contract',
    schema: ContractOpenApiSchemas.ErrorBody,
  })
  @ApiResponse({ status: 504, description: 'The Order Service timed out', schema: ContractOpenApiSchemas.ErrorBody })
  userOrders(@Param('userId', parseUserId) userId: string): Observable<UserOrdersResponse> {
    return this.orderService.getUserOrdersFirstPage(userId).pipe(map((orders) => ({ user_id: userId, orders })));
  }

  /** An empty id cannot match `:userId`; answer the same 400 as any other invalid id instead of a bare 404. */
  @Get('users//orders')
  @ApiOperation({ summary: 'Always 400: the user id is empty' })
  @ApiResponse({ status: 400, description: 'Invalid user id', schema: ContractOpenApiSchemas.ErrorBody })
  emptyUserId(): never {
    return parseUserId.transform('') as never;
  }
}

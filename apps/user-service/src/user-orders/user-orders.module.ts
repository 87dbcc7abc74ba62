import { OrderClientModule } from '@boundary/order-client';
import { currentDeadlineAt, currentRequestId } from '@boundary/service-kit';
import { Module } from '@nestjs/common';
import { USER_SERVICE_CONFIG } from '../config/user-service-config.token';
import type { UserServiceConfig } from '../config/user-service.config';
import { UserOrderController } from './user-order.controller';
import { UserOrdersController } from './user-orders.controller';

@Module({
  imports: [
    OrderClientModule.forRootAsync({
      inject: [USER_SERVICE_CONFIG],
      useFactory: ({ orderClient }: UserServiceConfig) => ({ ...orderClient, requestId: currentRequestId, deadlineAt: currentDeadlineAt }),
    }),
  ],
  controllers: [UserOrdersController, UserOrderController],
})
export class UserOrdersModule {}

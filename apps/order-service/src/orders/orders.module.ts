import { Module } from '@nestjs/common';
import { DrizzleOrderRepository } from './drizzle-order.repository';
import { OrderRepository } from './order.repository';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController],
  providers: [{ provide: OrderRepository, useClass: DrizzleOrderRepository }],
})
export class OrdersModule {}

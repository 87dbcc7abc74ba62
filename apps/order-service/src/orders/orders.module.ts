import { Module } from '@nestjs/common';
import { DrizzleOrderRepository } from './drizzle-order.repository';
import { OrderPlacement } from './order-placement';
import { OrderRepository } from './order.repository';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController],
  providers: [{ provide: OrderRepository, useClass: DrizzleOrderRepository }, OrderPlacement],
})
export class OrdersModule {}

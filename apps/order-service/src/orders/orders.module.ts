import { Module } from '@nestjs/common';
import { InMemoryOrderRepository } from './in-memory-order.repository';
import { OrderRepository } from './order.repository';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController],
  providers: [{ provide: OrderRepository, useClass: InMemoryOrderRepository }],
})
export class OrdersModule {}

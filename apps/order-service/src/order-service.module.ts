import { Module } from '@nestjs/common';
import { LivenessModule } from '@boundary/service-kit';
import { OrdersModule } from './orders/orders.module';

@Module({
  imports: [OrdersModule, LivenessModule],
})
export class OrderServiceModule {}

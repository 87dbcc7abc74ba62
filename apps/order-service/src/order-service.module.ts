import { Module, type DynamicModule } from '@nestjs/common';
import { LivenessModule } from '@boundary/service-kit';
import { OrderDatabaseModule } from './database/order-database.module';
import type { OpenOrderDatabaseOptions } from './database/open-order-database';
import { ReadinessModule } from './health/readiness.module';
import { OrdersModule } from './orders/orders.module';

@Module({})
export class OrderServiceModule {
  /** The whole service on the database `database` describes (opened and migrated before the app starts). */
  static forRoot(database: OpenOrderDatabaseOptions): DynamicModule {
    return {
      module: OrderServiceModule,
      imports: [OrderDatabaseModule.forRoot(database), OrdersModule, LivenessModule, ReadinessModule],
    };
  }
}

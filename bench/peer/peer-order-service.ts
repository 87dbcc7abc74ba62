/**
 * The peer's Order Service: what Nest's documentation would have a user write — the Express adapter, nestjs-pino's
 * `LoggerModule.forRoot()` (its default request line), a controller over the Order Service's own repository and
 * database code (`openOrderDatabase`, `DrizzleOrderRepository`), so the only difference from the product is the
 * framework around the same query. Reads PORT and DATABASE_URL (embedded PGlite without it); bench/chain-throughput.ts
 * starts it, the database already migrated and seeded by the product's Order Service.
 */
import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the peer must run the Order Service's own query code, not a copy:
   then the framework is the only difference between the two chains. A bench file, never built into an app. */
import { openOrderDatabase } from '../../apps/order-service/src/database/open-order-database';
import { OrderDatabase } from '../../apps/order-service/src/database/order-database';
import { DrizzleOrderRepository } from '../../apps/order-service/src/orders/drizzle-order.repository';
import { OrderRepository } from '../../apps/order-service/src/orders/order.repository';
/* eslint-enable @nx/enforce-module-boundaries */
import { startPeer } from './start-peer';

/** The product's page size (the contract's default), so both answer the same rows. */
const PAGE_SIZE = 50;

@Controller()
class PeerOrdersController {
  constructor(private readonly orders: OrderRepository) {}

  @Get('users/:userId/orders')
  async userOrders(@Param('userId') userId: string) {
    const page = await this.orders.findUserOrders(userId, { limit: PAGE_SIZE });
    if (page === undefined) throw new NotFoundException('Unknown user');
    return page.orders;
  }
}

@Module({
  imports: [LoggerModule.forRoot()],
  controllers: [PeerOrdersController],
  providers: [
    {
      provide: OrderDatabase,
      useFactory: () =>
        openOrderDatabase({
          url: process.env['DATABASE_URL'] || undefined,
          seedDemoData: false,
          migrationsFolder: join(__dirname, '../../apps/order-service/migrations'),
        }),
    },
    { provide: OrderRepository, useClass: DrizzleOrderRepository },
  ],
})
class PeerOrderServiceModule {}

void startPeer(PeerOrderServiceModule);

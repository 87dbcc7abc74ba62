/**
 * The peer's User Service: what Nest's documentation would have a user write — the Express adapter,
 * `HttpModule.register({})` (axios' defaults), nestjs-pino's `LoggerModule.forRoot()` (its default request line), and
 * a controller that calls the Order Service (ORDER_SERVICE_URL) and answers `{ user_id, orders }`, the product's
 * bytes. Reads PORT; bench/chain-throughput.ts starts it.
 */
import 'reflect-metadata';
import type { Order } from '@boundary/order-contract';
import { HttpModule, HttpService } from '@nestjs/axios';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { firstValueFrom } from 'rxjs';
import { startPeer } from './start-peer';

const ORDER_SERVICE_URL = process.env['ORDER_SERVICE_URL'] ?? 'http://localhost:3001';

@Controller()
class PeerUserOrdersController {
  constructor(private readonly http: HttpService) {}

  @Get('users/:userId/orders')
  async userOrders(@Param('userId') userId: string) {
    const { data } = await firstValueFrom(
      this.http.get<Order[]>(`${ORDER_SERVICE_URL}/users/${encodeURIComponent(userId)}/orders`),
    );
    return { user_id: userId, orders: data };
  }
}

@Module({
  imports: [HttpModule.register({}), LoggerModule.forRoot()],
  controllers: [PeerUserOrdersController],
})
class PeerUserServiceModule {}

void startPeer(PeerUserServiceModule);

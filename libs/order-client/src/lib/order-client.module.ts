import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { OrderClientConfigurableModule } from './order-client.module-definition';
import { OrderServiceClient } from './order-service.client';

/**
 * Provides `OrderServiceClient`. Configure it with `OrderClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })` when the options come from configuration.
 */
@Module({
  imports: [HttpModule],
  providers: [OrderServiceClient],
  exports: [OrderServiceClient],
})
export class OrderClientModule extends OrderClientConfigurableModule {}

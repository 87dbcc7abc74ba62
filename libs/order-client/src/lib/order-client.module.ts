import { clientTransportProviders } from '@boundary/client-core';
import { Module } from '@nestjs/common';
import { OrderClientConfigurableModule } from './order-client.module-definition';
import { OrderServiceClient } from './order-service.client';

/**
 * Provides `OrderServiceClient`. Configure it with `OrderClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })` when the options come from configuration. Its `HttpService` is the client
 * core's (tuned axios, cancelled by AbortSignal); tests replace it with `overrideProvider(HttpService)`, or the
 * whole client with `overrideProvider(OrderServiceClient)`.
 */
@Module({
  providers: [...clientTransportProviders(), OrderServiceClient],
  exports: [OrderServiceClient],
})
export class OrderClientModule extends OrderClientConfigurableModule {}

import { clientTransportProviders } from '@boundary/client-core';
import { Module } from '@nestjs/common';
import { InventoryClientConfigurableModule } from './inventory-client.module-definition';
import { InventoryServiceClient } from './inventory-service.client';

/**
 * Provides `InventoryServiceClient`. Configure it with `InventoryClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })`. Tests replace its `HttpService` with `overrideProvider(HttpService)`, or
 * the whole client with `overrideProvider(InventoryServiceClient)` (see `@boundary/inventory-client/testing`).
 */
@Module({
  providers: [...clientTransportProviders(), InventoryServiceClient],
  exports: [InventoryServiceClient],
})
export class InventoryClientModule extends InventoryClientConfigurableModule {}

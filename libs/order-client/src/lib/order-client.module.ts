import { HttpService } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { OrderClientConfigurableModule } from './order-client.module-definition';
import { OrderServiceClient } from './order-service.client';
import { OrderClientAxios } from './transport/order-client-axios';
import { OrderClientHttpService } from './transport/order-client-http.service';

/**
 * Provides `OrderServiceClient`. Configure it with `OrderClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })` when the options come from configuration.
 *
 * `HttpService` is provided here (not by `HttpModule`) because its axios instance depends on the options'
 * `transport`, and as `OrderClientHttpService` (cancels with an AbortSignal); tests still replace it with
 * `overrideProvider(HttpService)`.
 */
@Module({
  providers: [
    OrderClientAxios,
    {
      provide: HttpService,
      useFactory: (axios: OrderClientAxios) => new OrderClientHttpService(axios.instance),
      inject: [OrderClientAxios],
    },
    OrderServiceClient,
  ],
  exports: [OrderServiceClient],
})
export class OrderClientModule extends OrderClientConfigurableModule {}

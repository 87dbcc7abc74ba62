import { HttpService } from '@nestjs/axios';
import { ConfigurableModuleBuilder, Module } from '@nestjs/common';
import type { ClientOptions } from './client.options';
import { clientTransportProviders } from './transport/client-transport.providers';

/** A client library's client class: built from the core's `HttpService` and its module's options. */
export type ClientClass<C, O extends ClientOptions = ClientOptions> = new (http: HttpService, options: O) => C;

/**
 * The base class of a client library's module, which provides and exports `client` on the core's transport
 * (`clientTransportProviders`), built with the options given to `forRoot(options)` or
 * `forRootAsync({ useFactory, inject })`. `isGlobal: true` beside the options makes the module global, for an app's
 * root module to import the client for its feature modules. Tests replace the client's `HttpService` with
 * `overrideProvider(HttpService)`, or the whole client with `overrideProvider(client)`.
 *
 * @example
 * export class InventoryClientModule extends clientModule(InventoryServiceClient) {}
 */
export function clientModule<C, O extends ClientOptions = ClientOptions>(client: ClientClass<C, O>) {
  const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<O>()
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: false }, (definition, { isGlobal }) => ({ ...definition, global: isGlobal }))
    .build();

  // The client is made here, not injected by its class: its class then needs no token from its own module.
  @Module({
    providers: [
      ...clientTransportProviders(),
      { provide: client, useFactory: (http: HttpService, options: O) => new client(http, options), inject: [HttpService, MODULE_OPTIONS_TOKEN] },
    ],
    exports: [client],
  })
  class ClientModule extends ConfigurableModuleClass {}

  return ClientModule;
}

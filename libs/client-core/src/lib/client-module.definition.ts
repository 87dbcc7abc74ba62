import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ClientOptions } from './client.options';

/**
 * The configurable-module parts of a client library's module, with `forRoot` / `forRootAsync`:
 *
 * @example
 * export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: INVENTORY_CLIENT_OPTIONS } =
 *   clientModuleDefinition<InventoryClientOptions>();
 * \@Module({ providers: [...clientTransportProviders(), InventoryServiceClient], exports: [InventoryServiceClient] })
 * export class InventoryClientModule extends ConfigurableModuleClass {}
 */
export function clientModuleDefinition<O extends ClientOptions = ClientOptions>() {
  return (
    new ConfigurableModuleBuilder<O>()
      .setClassMethodName('forRoot')
      // `isGlobal: true` when the app's root module imports the client for its feature modules to inject.
      .setExtras({ isGlobal: false }, (definition, { isGlobal }) => ({ ...definition, global: isGlobal }))
      .build()
  );
}

import { clientModuleDefinition } from '@boundary/client-core';
import type { OrderClientOptions } from './order-client.options';

export const {
  ConfigurableModuleClass: OrderClientConfigurableModule,
  MODULE_OPTIONS_TOKEN: ORDER_CLIENT_OPTIONS,
  OPTIONS_TYPE: ORDER_CLIENT_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ORDER_CLIENT_ASYNC_OPTIONS_TYPE,
} = clientModuleDefinition<OrderClientOptions>();

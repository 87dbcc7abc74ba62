import { clientModuleDefinition } from '@boundary/client-core';
import type { InventoryClientOptions } from './inventory-client.options';

export const {
  ConfigurableModuleClass: InventoryClientConfigurableModule,
  MODULE_OPTIONS_TOKEN: INVENTORY_CLIENT_OPTIONS,
} = clientModuleDefinition<InventoryClientOptions>();

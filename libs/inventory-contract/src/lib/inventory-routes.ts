/**
 * The Inventory Service's routes as path templates, written once: its client fills them in
 * (`@boundary/client-core`), its controller takes them through `nestRoute`.
 */
export const INVENTORY_ROUTES = {
  /** One item. */
  item: '/items/{itemId}',
} as const;

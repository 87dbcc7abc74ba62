export * from './lib/item.schema';
export * from './lib/reservation.schema';
export * from './lib/reservation-state.schema';
export * from './lib/item-units.schema';
export * from './lib/inventory-routes';
export * from './lib/inventory-error-codes';
export * from './lib/demo-items';
export * from './lib/inventory-provider-states';

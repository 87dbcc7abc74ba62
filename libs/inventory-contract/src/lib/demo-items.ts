import { DEMO_ORDERS } from '@boundary/order-contract';
import type { Item } from './item.schema';

/** The item of every boundary test's happy path: the first demo order's, well stocked. */
export const DEMO_ITEM: Readonly<Item> = Object.freeze({ item: DEMO_ORDERS[0].item, in_stock: 100 });

/** An item the Inventory Service does not stock: `GET` answers 404, a reservation 422. */
export const UNKNOWN_ITEM_ID = 'Hoverboard';

import { randomUUID } from 'node:crypto';

/** A fresh reservation id as the Inventory Service issues them (`res_` and a UUID), for orders a test writes. */
export function aReservationId(): string {
  return `res_${randomUUID()}`;
}

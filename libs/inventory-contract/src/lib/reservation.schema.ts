import { z } from 'zod';
import { ItemIdSchema } from './item.schema';

// The wire schemas of the Inventory Service's reservations: POST /reservations and DELETE /reservations/:id.

/** Largest quantity one reservation — and so one order — may hold (the storage columns are 32-bit integers). */
export const MAX_QUANTITY = 2_147_483_647;

/** How many units a reservation holds: a positive integer that fits the 32-bit storage column. */
export const ReservationQuantitySchema = z.number().int().positive().max(MAX_QUANTITY);

/** The body of `POST /reservations`. Strict: an unknown field, a missing one or a wrong type is rejected. */
export const CreateReservationRequestSchema = z.strictObject({
  item: ItemIdSchema,
  quantity: ReservationQuantitySchema,
});

export type CreateReservationRequest = z.infer<typeof CreateReservationRequestSchema>;

/** A reservation id's pattern, as JavaScript and PostgreSQL (a CHECK constraint) both read it. */
export const RESERVATION_ID_PATTERN = '^res_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** A reservation id as the service issues it: `res_` and a UUID. Anything else is malformed (`400`), never looked up. */
export const ReservationIdSchema = z.string().regex(new RegExp(RESERVATION_ID_PATTERN), 'must be res_ followed by a UUID');

/** One reservation: the answer of `POST /reservations` (`201`, and `200` for a repeat of its Idempotency-Key). */
export const ReservationSchema = z.object({
  reservation_id: ReservationIdSchema,
  item: ItemIdSchema,
  quantity: ReservationQuantitySchema,
});

export type Reservation = z.infer<typeof ReservationSchema>;

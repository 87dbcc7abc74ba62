import { z } from 'zod';
import { ReservationSchema } from './reservation.schema';

/**
 * A reservation's lifecycle: `held` (made by `POST /reservations`), `confirmed` (its order committed), `shipped` (its
 * units left the warehouse) or `released` (its units went back to stock: released by its consumer, or its hold
 * expired unconfirmed). Confirming a released hold reserves its units again when stock allows.
 */
export const RESERVATION_STATES = ['held', 'confirmed', 'shipped', 'released'] as const;

export const ReservationStateSchema = z.enum(RESERVATION_STATES);

export type ReservationState = z.infer<typeof ReservationStateSchema>;

/** One reservation and where it is in its lifecycle: the answer of confirming and of shipping it (`200`). */
export const ReservationStatusSchema = ReservationSchema.extend({ state: ReservationStateSchema });

export type ReservationStatus = z.infer<typeof ReservationStatusSchema>;

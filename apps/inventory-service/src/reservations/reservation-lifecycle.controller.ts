import { ErrorBodyOpenApiSchema, nestRoute, toOpenApiSchema } from '@boundary/http-conventions';
import { INVENTORY_ROUTES, ReservationIdSchema, ReservationStatusSchema, type ReservationStatus } from '@boundary/inventory-contract';
import { ApiErrorResponses, OnlyConsumers, ZodValidationPipe } from '@boundary/service-kit';
import { Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ReservationLifecycleRepository } from './reservation-lifecycle.repository';

const parseReservationId = new ZodValidationPipe(ReservationIdSchema, 'reservation id', 'INVALID_RESERVATION_ID');
const ERROR = ErrorBodyOpenApiSchema;
const RESERVATION_ID = { name: 'reservationId', description: 'res_ followed by a UUID, as POST /reservations answered it' };
const STATUS = { schema: toOpenApiSchema(ReservationStatusSchema) };

/**
 * A reservation's lifecycle after its hold: the Order Service confirms it once the order has committed, the
 * Fulfilment Service ships it. Both are idempotent `PUT`s without a body, safe to retry until they succeed.
 */
@ApiTags('reservations')
@Controller()
export class ReservationLifecycleController {
  constructor(private readonly lifecycle: ReservationLifecycleRepository) {}

  /**
   * Confirms a reservation (held → confirmed): `200` with its state; a confirmed or shipped one is answered as it is.
   * A hold released before (expired unconfirmed) reserves its units again when stock allows, else `409 HOLD_EXPIRED`.
   */
  @Put(nestRoute(INVENTORY_ROUTES.reservationConfirmation))
  @HttpCode(200)
  @OnlyConsumers('order-service')
  @ApiOperation({ summary: 'Confirm a reservation once its order has committed (idempotent)' })
  @ApiParam(RESERVATION_ID)
  @ApiOkResponse({ description: 'Confirmed (or confirmed before, or shipped): the reservation and its state', ...STATUS })
  @ApiErrorResponses(ERROR, {
    400: 'Malformed reservation id (INVALID_RESERVATION_ID)',
    403: 'A consumer other than the Order Service (FORBIDDEN_CONSUMER)',
    404: 'Unknown reservation (RESERVATION_NOT_FOUND)',
    409: 'The hold was released before it was confirmed and fewer units are left than it held (HOLD_EXPIRED); nothing reserved',
    503: 'Database unavailable',
  })
  confirm(@Param('reservationId', parseReservationId) reservationId: string): Promise<ReservationStatus> {
    return this.lifecycle.confirm(reservationId);
  }

  /** Ships a confirmed reservation (confirmed → shipped): `200` with its state; a shipped one is answered as it is. */
  @Put(nestRoute(INVENTORY_ROUTES.reservationShipment))
  @HttpCode(200)
  @OnlyConsumers('fulfilment-service')
  @ApiOperation({ summary: 'Ship a confirmed reservation: its units leave the stock (idempotent)' })
  @ApiParam(RESERVATION_ID)
  @ApiOkResponse({ description: 'Shipped (now or before): the reservation and its state', ...STATUS })
  @ApiErrorResponses(ERROR, {
    400: 'Malformed reservation id (INVALID_RESERVATION_ID)',
    403: 'A consumer other than the Fulfilment Service (FORBIDDEN_CONSUMER)',
    404: 'Unknown reservation (RESERVATION_NOT_FOUND)',
    409: 'The reservation is held or released, not confirmed (RESERVATION_NOT_CONFIRMED); nothing shipped',
    503: 'Database unavailable',
  })
  ship(@Param('reservationId', parseReservationId) reservationId: string): Promise<ReservationStatus> {
    return this.lifecycle.ship(reservationId);
  }
}

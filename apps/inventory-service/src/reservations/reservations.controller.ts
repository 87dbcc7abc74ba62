import {
  DEADLINE_HEADER,
  ErrorBodyOpenApiSchema,
  expandPath,
  IDEMPOTENCY_KEY_HEADER,
  nestRoute,
  toOpenApiSchema,
} from '@boundary/http-conventions';
import {
  ApiErrorResponses,
  ApiIdempotentCreate,
  currentDeadlineAt,
  OnlyConsumers,
  parseIdempotencyKey,
  ZodValidationPipe,
} from '@boundary/service-kit';
import { Body, Controller, Delete, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CreateReservationRequestSchema,
  INVENTORY_ROUTES,
  ReservationIdSchema,
  ReservationSchema,
  type CreateReservationRequest,
} from '@boundary/inventory-contract';
import { InventoryRepository } from '../inventory/inventory.repository';

const parseNewReservation = new ZodValidationPipe(CreateReservationRequestSchema, 'reservation', 'INVALID_RESERVATION');
const parseReservationId = new ZodValidationPipe(ReservationIdSchema, 'reservation id', 'INVALID_RESERVATION_ID');
const ERROR = ErrorBodyOpenApiSchema;

/** Reservations hold stock for orders: only the Order Service places orders, so only it reserves and releases. */
@ApiTags('reservations')
@OnlyConsumers('order-service')
@Controller()
export class ReservationsController {
  constructor(private readonly inventory: InventoryRepository) {}

  /**
   * Reserves units of an item: `201` with the reservation and its `Location`, the stock decremented in the same
   * commit. With an `Idempotency-Key`, a repeat of the same body answers `200` with the first reservation and
   * reserves nothing more; a different body, `409`. `409 OUT_OF_STOCK` when fewer units are left, `422 UNKNOWN_ITEM`
   * for an item the inventory does not stock. With an `x-deadline-ms` budget, a reservation that could not commit
   * within it (e.g. it waited for the stock row) is rolled back: `503 DEADLINE_EXCEEDED`, nothing reserved; a budget
   * spent on arrival is answered so at once.
   */
  @Post(nestRoute(INVENTORY_ROUTES.reservations))
  @ApiOperation({ summary: 'Reserve units of an item (idempotent with an Idempotency-Key)' })
  @ApiBody({ schema: toOpenApiSchema(CreateReservationRequestSchema) })
  @ApiIdempotentCreate({
    schema: toOpenApiSchema(ReservationSchema),
    location: '/reservations/<reservation_id>',
    key: '1–255 printable characters',
  })
  @ApiErrorResponses(ERROR, {
    400: 'Invalid body, Idempotency-Key or x-deadline-ms (INVALID_DEADLINE), malformed JSON',
    403: 'A consumer other than the Order Service (FORBIDDEN_CONSUMER)',
    409: 'Out of stock (OUT_OF_STOCK), or Idempotency-Key used before with a different body (IDEMPOTENCY_KEY_REUSED)',
    422: 'An item the inventory does not stock (UNKNOWN_ITEM)',
    503: 'Database unavailable, or the caller’s x-deadline-ms passed before the reservation could commit (DEADLINE_EXCEEDED)',
  })
  @ApiHeader({ name: DEADLINE_HEADER, required: false, description: 'The caller’s budget in ms: past it, nothing is reserved' })
  async reserve(
    @Body(parseNewReservation) body: CreateReservationRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKeyHeader: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    // Read on arrival by the service's adapter (a malformed or spent budget never gets here).
    const { reservation, created } = await this.inventory.reserve(body, idempotencyKey, currentDeadlineAt());
    // Sent here rather than returned: Nest would overwrite a 200 replay with POST's default 201.
    await reply
      .status(created ? 201 : 200)
      .header('Location', expandPath(INVENTORY_ROUTES.reservation, { reservationId: reservation.reservation_id }))
      .send(reservation);
  }

  /**
   * Releases a held or confirmed reservation: its units go back to stock, once. `404` for an unknown or already
   * released one, `409 RESERVATION_SHIPPED` for one shipped.
   */
  @Delete(nestRoute(INVENTORY_ROUTES.reservation))
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a held or confirmed reservation (its units go back to stock)' })
  @ApiParam({ name: 'reservationId', description: 'res_ followed by a UUID, as POST /reservations answered it' })
  @ApiNoContentResponse({ description: 'Released: the units are back in stock' })
  @ApiErrorResponses(ERROR, {
    400: 'Malformed reservation id',
    403: 'A consumer other than the Order Service (FORBIDDEN_CONSUMER)',
    404: 'Unknown reservation (RESERVATION_NOT_FOUND) or released already (RESERVATION_RELEASED)',
    409: 'Its units were shipped (RESERVATION_SHIPPED); nothing goes back',
    503: 'Database unavailable',
  })
  async release(@Param('reservationId', parseReservationId) reservationId: string): Promise<void> {
    await this.inventory.release(reservationId);
  }
}

import { ErrorBodyOpenApiSchema, nestRoute, toOpenApiSchema } from '@boundary/http-conventions';
import {
  ItemIdSchema,
  INVENTORY_ERROR_CODES,
  INVENTORY_ROUTES,
  ItemSchema,
  ItemUnitsSchema,
  type Item,
  type ItemUnits,
} from '@boundary/inventory-contract';
import { ApiErrorResponses, ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InventoryRepository } from '../inventory/inventory.repository';

const parseItemId = new ZodValidationPipe(ItemIdSchema, 'item id', INVENTORY_ERROR_CODES.invalidItemId);
const ITEM_ID = { name: 'itemId', description: 'The item, as an order carries it: 1–200 characters, no control characters' };
const unknownItem = () => new NotFoundException({ error: 'Unknown item', code: INVENTORY_ERROR_CODES.itemNotFound });

@ApiTags('items')
@Controller()
export class ItemsController {
  constructor(private readonly inventory: InventoryRepository) {}

  /** One item's stock; `404` (`ITEM_NOT_FOUND`) for an item the inventory does not stock, `400` for an invalid id. */
  @Get(nestRoute(INVENTORY_ROUTES.item))
  @ApiOperation({ summary: 'One item’s stock' })
  @ApiParam(ITEM_ID)
  @ApiOkResponse({ description: 'The units that can still be reserved', schema: toOpenApiSchema(ItemSchema) })
  @ApiErrorResponses(ErrorBodyOpenApiSchema, { 400: 'Invalid item id', 404: 'Unknown item' })
  async getItem(@Param('itemId', parseItemId) itemId: string): Promise<Item> {
    const item = await this.inventory.find(itemId);
    if (item === undefined) throw unknownItem();
    return item;
  }

  /**
   * One item's units by reservation state — available, held, confirmed, shipped — and `received`, their sum; `404`
   * (`ITEM_NOT_FOUND`) for an item the inventory does not stock, `400` for an invalid id.
   */
  @Get(nestRoute(INVENTORY_ROUTES.itemUnits))
  @ApiOperation({ summary: 'One item’s units by reservation state' })
  @ApiParam(ITEM_ID)
  @ApiOkResponse({ description: 'available + held + confirmed + shipped = received', schema: toOpenApiSchema(ItemUnitsSchema) })
  @ApiErrorResponses(ErrorBodyOpenApiSchema, { 400: 'Invalid item id', 404: 'Unknown item' })
  async getItemUnits(@Param('itemId', parseItemId) itemId: string): Promise<ItemUnits> {
    const units = await this.inventory.units(itemId);
    if (units === undefined) throw unknownItem();
    return units;
  }
}

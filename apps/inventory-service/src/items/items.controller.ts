import { nestRoute } from '@boundary/http-conventions';
import { ItemIdSchema, INVENTORY_ERROR_CODES, INVENTORY_ROUTES, type Item } from '@boundary/inventory-contract';
import { ZodValidationPipe } from '@boundary/service-kit';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ItemRepository } from './item.repository';

const parseItemId = new ZodValidationPipe(ItemIdSchema, 'item id', INVENTORY_ERROR_CODES.invalidItemId);

@ApiTags('items')
@Controller()
export class ItemsController {
  constructor(private readonly items: ItemRepository) {}

  /** One item; `404` (`ITEM_NOT_FOUND`) when there is none, `400` for an invalid id. */
  @Get(nestRoute(INVENTORY_ROUTES.item))
  @ApiOperation({ summary: 'One item' })
  @ApiParam({ name: 'itemId', description: '1–128 characters' })
  async getItem(@Param('itemId', parseItemId) itemId: string): Promise<Item> {
    const item = await this.items.findItem(itemId);
    if (item === undefined) {
      throw new NotFoundException({ error: 'Unknown item', code: INVENTORY_ERROR_CODES.itemNotFound });
    }
    return item;
  }
}

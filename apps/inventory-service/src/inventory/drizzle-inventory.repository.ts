import { Injectable } from '@nestjs/common';
import { InventoryDatabase } from '../database/inventory-database';
import { InventoryRepository } from './inventory.repository';

/** `InventoryRepository` on the service's database (PGlite or PostgreSQL), through Drizzle. */
@Injectable()
export class DrizzleInventoryRepository extends InventoryRepository {
  constructor(private readonly database: InventoryDatabase) {
    super();
  }
}

import { HttpService } from '@nestjs/axios';
import { Inject, Injectable } from '@nestjs/common';
import { ProviderClient } from '@boundary/client-core';
import { ItemSchema, INVENTORY_ROUTES, type Item } from '@boundary/inventory-contract';
import { map, type Observable } from 'rxjs';
import { INVENTORY_SERVICE_ERRORS } from './errors/inventory-service.errors';
import { INVENTORY_CLIENT_OPTIONS } from './inventory-client.module-definition';
import type { InventoryClientOptions } from './inventory-client.options';

/** Talks to the Inventory Service over HTTP and hands back contract-checked data or a typed `InventoryServiceError`. */
@Injectable()
export class InventoryServiceClient {
  private readonly core: ProviderClient;

  constructor(http: HttpService, @Inject(INVENTORY_CLIENT_OPTIONS) options: InventoryClientOptions) {
    this.core = new ProviderClient(http, options, INVENTORY_SERVICE_ERRORS, InventoryServiceClient.name);
  }

  /**
   * One item (`GET /items/:itemId`), validated against `ItemSchema`, under the client core's
   * policies (timeouts, retries, circuit breaker). Cold: nothing is sent until subscription. Fails with a
   * `InventoryServiceError` whose `kind` says why: `not-found` (404), `unavailable`, `timeout`, `bad-response`,
   * `rejected` (another 4xx, e.g. 401 for a wrong service token) or `circuit-open`.
   */
  getItem(itemId: string): Observable<Item> {
    return this.core
      .call({ method: 'GET', path: INVENTORY_ROUTES.item, params: { itemId }, schema: ItemSchema })
      .pipe(map(({ data }) => data));
  }
}

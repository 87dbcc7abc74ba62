import type { Order } from '@boundary/order-contract';
import { type Script, ScriptedStub } from '@boundary/testing';
import { of, type Observable } from 'rxjs';
import type { OrderServiceClient } from '../lib/order-service.client';
import { onContractOrders } from './order.fixtures';

/**
 * How the stub answers one user; every answer returns the stub, to script the next user. `returns(orders)` checks
 * them against the contract at setup (`OffContractFixtureError`); `failsWith` takes typically an
 * `OrderServiceError` such as `new OrderServiceUnavailableError(id, 503)`.
 */
export type UserScript = Script<readonly unknown[], OrderServiceClientStub>;

/**
 * Stands in for the whole `OrderServiceClient`: per-user answers as cold Observables, a call history, and — when
 * strict, the default — an `UnscriptedCallError` for a user no test scripted. With `{ strict: false }` an
 * unscripted user gets `fallback` (by default: no orders).
 */
export class OrderServiceClientStub extends ScriptedStub implements Pick<OrderServiceClient, 'getUserOrdersFirstPage'> {
  constructor(options: { strict?: boolean; fallback?: () => Observable<Order[]> } = {}) {
    super(
      { stub: 'OrderServiceClientStub', keys: 'users', howToScript: 'stub.forUser(id).returns(...)' },
      { strict: options.strict, fallback: () => options.fallback?.() ?? of([]) },
    );
  }

  /** The user id of every call, in order, scripted or not. */
  get calls(): string[] {
    return this.keysOf('getUserOrdersFirstPage');
  }

  /** Scripts the answer for `userId`; a second script for the same user replaces the first. */
  forUser(userId: string): UserScript {
    return this.script<readonly unknown[], this>('getUserOrdersFirstPage', userId, this, onContractOrders);
  }

  getUserOrdersFirstPage(userId: string): Observable<Order[]> {
    return this.play('getUserOrdersFirstPage', userId);
  }
}

import type { Order } from '@boundary/order-contract';
import type { OrderServiceClient } from '../lib/order-service.client';
import { defer, NEVER, type Observable, of, switchMap, throwError, timer } from 'rxjs';
import { onContractOrders } from './order.fixtures';

/** The stub was asked for a user no test scripted. */
export class UnscriptedCallError extends Error {
  constructor(userId: string, scripted: readonly string[]) {
    super(
      `OrderServiceClientStub: getUserOrders(${JSON.stringify(userId)}) was not scripted; scripted users: ` +
        `${scripted.map((id) => JSON.stringify(id)).join(', ') || '(none)'}. Script it with stub.forUser(id).returns(...)`,
    );
    this.name = 'UnscriptedCallError';
  }
}

/** How the stub answers one user; every method returns the stub, to script the next user. */
export interface UserScript {
  /** Waits `ms` milliseconds before the answer scripted next. */
  delays(ms: number): UserScript;
  /** Emits `orders` once and completes; an off-contract order throws `OffContractFixtureError` here, at setup. */
  returns(orders: readonly unknown[]): OrderServiceClientStub;
  /** Fails with `error`, typically an `OrderServiceError` such as `new OrderServiceUnavailableError(id, 503)`. */
  failsWith(error: Error): OrderServiceClientStub;
  /** Never emits, never completes: for the caller's own timeout or cancellation. */
  neverAnswers(): OrderServiceClientStub;
}

/**
 * Stands in for the whole `OrderServiceClient`: per-user answers as cold Observables, a call history, and — when
 * strict, the default — an `UnscriptedCallError` for a user no test scripted. With `{ strict: false }` an
 * unscripted user gets `fallback` (by default: no orders).
 */
export class OrderServiceClientStub implements Pick<OrderServiceClient, 'getUserOrders'> {
  /** The user id of every call, in order, scripted or not. */
  readonly calls: string[] = [];
  private readonly scripts = new Map<string, Observable<Order[]>>();
  private readonly unscripted: string[] = [];

  constructor(private readonly options: { strict?: boolean; fallback?: () => Observable<Order[]> } = {}) {}

  /** Scripts the answer for `userId`; a second script for the same user replaces the first. */
  forUser(userId: string, latencyMs = 0): UserScript {
    const answer = (answer$: Observable<Order[]>) => {
      this.scripts.set(userId, latencyMs > 0 ? timer(latencyMs).pipe(switchMap(() => answer$)) : answer$);
      return this;
    };
    return {
      delays: (ms) => this.forUser(userId, latencyMs + ms),
      returns: (orders) => {
        const valid = onContractOrders(orders);
        return answer(defer(() => of(structuredClone(valid))));
      },
      failsWith: (error) => answer(throwError(() => error)),
      neverAnswers: () => answer(NEVER),
    };
  }

  getUserOrders(userId: string): Observable<Order[]> {
    this.calls.push(userId);
    const scripted = this.scripts.get(userId);
    if (scripted) return scripted;
    if (this.options.strict === false) return this.options.fallback?.() ?? of([]);
    this.unscripted.push(userId);
    return throwError(() => new UnscriptedCallError(userId, [...this.scripts.keys()]));
  }

  /** Forgets scripts and calls, for a stub shared by the tests of a file (call it in `afterEach`). */
  reset(): void {
    this.scripts.clear();
    this.calls.length = 0;
    this.unscripted.length = 0;
  }

  /** Fails, naming them, if any call asked for a user no test scripted (strict mode). Call it in `afterEach`. */
  verify(): void {
    if (this.unscripted.length > 0) {
      throw new Error(`OrderServiceClientStub: unscripted calls for ${this.unscripted.map((id) => JSON.stringify(id)).join(', ')}`);
    }
  }
}

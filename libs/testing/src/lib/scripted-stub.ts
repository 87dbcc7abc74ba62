import { defer, NEVER, type Observable, of, switchMap, throwError, timer } from 'rxjs';
import { activeTraceContext } from './active-trace-context';
import type { TraceContext } from './trace-context';
import { UnscriptedCallError } from './unscripted-call.error';

/** One call a scripted stub received: the method, the key its script is chosen by, all arguments. */
export interface ScriptedCall {
  readonly method: string;
  readonly key: string;
  readonly args: readonly unknown[];
  /**
   * The trace context active when it was called (OpenTelemetry's active span as the parent), which the real client
   * would have propagated; `undefined` outside a span or without `@opentelemetry/api`.
   */
  readonly traceContext?: TraceContext;
}

/** How a stub answers one call (method + key); each answer returns `Next`, to script the next call. */
export interface Script<T, Next> {
  /** Waits `ms` milliseconds before the answer scripted next. */
  delays(ms: number): Script<T, Next>;
  /** Emits (a copy of) `value` once and completes; the stub's check runs here, at setup. */
  returns(value: T): Next;
  /** Fails with `error`. */
  failsWith(error: Error): Next;
  /** Never emits, never completes: for the caller's own timeout or cancellation. */
  neverAnswers(): Next;
}

/** What names a stub in its messages, and how it answers a call nobody scripted. */
export interface ScriptedStubOptions {
  /** `false`: an unscripted call gets `fallback` instead of an `UnscriptedCallError`. Default: strict. */
  strict?: boolean;
  /** The answer to an unscripted call when not strict. */
  fallback?: (call: ScriptedCall) => Observable<unknown>;
}

/** How a stub names itself and its keys in messages. */
export interface ScriptedStubNames {
  /** The stub, e.g. `OrderServiceClientStub`. */
  readonly stub: string;
  /** What a key is, plural: `users` in "scripted users: ...". */
  readonly keys: string;
  /** How to script a call, e.g. `stub.forUser(id).returns(...)`. */
  readonly howToScript: string;
}

/**
 * A strict scripted stub for any client whose methods return Observables. A subclass offers one scripting method
 * per client method (e.g. `forUser(id)`) built on `script()`, and implements each client method as `play()`.
 * Answers are cold and per subscription; every call is recorded in `history`. Strict by default: a call nobody
 * scripted fails with an `UnscriptedCallError` naming it and what is scripted, and `verify()` reports it even if
 * the caller swallowed the error. Not strict, it gets `fallback`.
 */
export abstract class ScriptedStub {
  /** Every call, in order, scripted or not. */
  readonly history: ScriptedCall[] = [];
  private readonly scripts = new Map<string, Map<string, Observable<unknown>>>();
  private readonly unscripted: ScriptedCall[] = [];

  protected constructor(
    private readonly names: ScriptedStubNames,
    private readonly options: ScriptedStubOptions = {},
  ) {}

  /** Forgets scripts and calls, for a stub shared by the tests of a file (call it in `afterEach`). */
  reset(): void {
    this.scripts.clear();
    this.history.length = 0;
    this.unscripted.length = 0;
  }

  /** Fails, naming them, if any call was not scripted (strict mode). Call it in `afterEach`. */
  verify(): void {
    if (this.unscripted.length === 0) return;
    const calls = this.unscripted.map((call) => `${JSON.stringify(call.key)} (${call.method})`).join(', ');
    throw new Error(`${this.names.stub}: unscripted calls for ${calls}`);
  }

  /**
   * The script of `method` for `key`; a second script for the same call replaces the first. `check` validates
   * and shapes a returned value at setup (e.g. against the provider's schema); it is copied for every call.
   */
  protected script<T, Next>(method: string, key: string, next: Next, check: (value: T) => unknown = (v) => v, latencyMs = 0): Script<T, Next> {
    const answer = (answer$: Observable<unknown>) => {
      const scripts = this.scripts.get(method) ?? new Map<string, Observable<unknown>>();
      scripts.set(key, latencyMs > 0 ? timer(latencyMs).pipe(switchMap(() => answer$)) : answer$);
      this.scripts.set(method, scripts);
      return next;
    };
    return {
      delays: (ms) => this.script(method, key, next, check, latencyMs + ms),
      returns: (value) => {
        const checked = check(value);
        return answer(defer(() => of(structuredClone(checked))));
      },
      failsWith: (error) => answer(throwError(() => error)),
      neverAnswers: () => answer(NEVER),
    };
  }

  /** Records the call in `history` with the trace context active now; for a client method that does not `play()`. */
  protected record(method: string, key: string, args: readonly unknown[] = [key]): ScriptedCall {
    const call = { method, key, args, traceContext: activeTraceContext() };
    this.history.push(call);
    return call;
  }

  /** Records the call and plays its script: the fallback or an `UnscriptedCallError` when there is none. */
  protected play<T>(method: string, key: string, args: readonly unknown[] = [key]): Observable<T> {
    const call = this.record(method, key, args);
    const scripted = this.scripts.get(method)?.get(key);
    if (scripted) return scripted as Observable<T>;
    if (this.options.strict === false) return (this.options.fallback?.(call) ?? of(undefined)) as Observable<T>;
    this.unscripted.push(call);
    const keys = [...(this.scripts.get(method)?.keys() ?? [])];
    return throwError(() => new UnscriptedCallError(this.names, call, keys));
  }

  /** Whether a test scripted `method` for `key`: lets a stub fall back from a narrow script to a broader one. */
  protected isScripted(method: string, key: string): boolean {
    return this.scripts.get(method)?.has(key) ?? false;
  }

  /** The keys of the calls of `method`, in order. */
  protected keysOf(method: string): string[] {
    return this.history.filter((call) => call.method === method).map((call) => call.key);
  }
}

import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import type { MockFactory } from '@nestjs/testing';
import { OrderServiceClient } from '../lib/order-service.client';
import { OrderServiceClientStub } from './order-service-client.stub';

/** Provides `OrderServiceClient` as `stub`, in a module's `providers` or an `overrideProvider(...).useValue`. */
export function provideOrderServiceClientStub(stub: OrderServiceClientStub = new OrderServiceClientStub()): Provider {
  return { provide: OrderServiceClient, useValue: stub };
}

/**
 * For `Test.createTestingModule(...).useMocker(...)`: answers `OrderServiceClient` with `stub` and leaves every
 * other token to `otherwise` (by default none, so Nest reports it as missing).
 */
export function orderClientMocker(stub: OrderServiceClientStub, otherwise: MockFactory = () => undefined): MockFactory {
  return (token) => (token === OrderServiceClient ? stub : otherwise(token));
}

/**
 * Imports in place of `OrderClientModule` in a test: exports `OrderServiceClient` as the given stub, with no
 * HTTP underneath.
 */
@Module({})
export class OrderClientTestingModule {
  static withStub(stub: OrderServiceClientStub = new OrderServiceClientStub()): DynamicModule {
    return {
      module: OrderClientTestingModule,
      providers: [provideOrderServiceClientStub(stub)],
      exports: [OrderServiceClient],
    };
  }
}

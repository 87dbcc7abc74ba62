import { HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { clientModule } from './client-module';
import type { ClientOptions } from './client.options';
import { ClientHttpService } from './transport/client-http.service';

class SomeServiceClient {
  constructor(
    readonly http: HttpService,
    readonly options: ClientOptions,
  ) {}
}

class SomeClientModule extends clientModule(SomeServiceClient) {}

/** A feature module of an app, which injects the client without importing its module. */
@Injectable()
class Feature {
  constructor(readonly client: SomeServiceClient) {}
}
@Module({ providers: [Feature] })
class FeatureModule {}

describe('clientModule', () => {
  const options: ClientOptions = { baseUrl: 'http://provider.test', timeoutMs: 1_000 };

  it('gives the module a forRoot that provides the client, built with the options', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SomeClientModule.forRoot(options)] }).compile();
    expect(moduleRef.get(SomeServiceClient).options).toEqual(options);
  });

  it('gives the module a forRootAsync that provides the client, built with the options from a factory', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SomeClientModule.forRootAsync({ useFactory: () => options })],
    }).compile();
    expect(moduleRef.get(SomeServiceClient).options).toEqual(options);
  });

  it('builds the client on the core’s transport: HttpService is a ClientHttpService', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SomeClientModule.forRoot(options)] }).compile();
    expect(moduleRef.get(SomeServiceClient).http).toBeInstanceOf(ClientHttpService);
  });

  it('builds the client on an HttpService replaced with overrideProvider(HttpService)', async () => {
    const http = { double: true };
    const moduleRef = await Test.createTestingModule({ imports: [SomeClientModule.forRoot(options)] })
      .overrideProvider(HttpService)
      .useValue(http)
      .compile();
    expect(moduleRef.get(SomeServiceClient).http).toBe(http);
  });

  it('gives each client module its own options: two clients in one app do not share them', async () => {
    class OtherServiceClient extends SomeServiceClient {}
    class OtherClientModule extends clientModule(OtherServiceClient) {}
    const other: ClientOptions = { baseUrl: 'http://other.test', timeoutMs: 2_000 };
    const moduleRef = await Test.createTestingModule({
      imports: [SomeClientModule.forRoot(options), OtherClientModule.forRoot(other)],
    }).compile();
    expect([moduleRef.get(SomeServiceClient).options, moduleRef.get(OtherServiceClient).options]).toEqual([options, other]);
  });

  it('is global with isGlobal: a feature module of the app injects what the root module imported, without the flag in the options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SomeClientModule.forRoot({ ...options, isGlobal: true }), FeatureModule],
    }).compile();
    expect(moduleRef.get(Feature).client.options).toEqual(options);
  });

  it('is not global by default: a feature module cannot inject it', async () => {
    await expect(Test.createTestingModule({ imports: [SomeClientModule.forRoot(options), FeatureModule] }).compile()).rejects.toThrow(
      /can't resolve dependencies of the Feature/,
    );
  });
});

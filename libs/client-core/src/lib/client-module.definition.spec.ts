import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { clientModuleDefinition } from './client-module.definition';
import type { ClientOptions } from './client.options';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = clientModuleDefinition();

@Injectable()
class OptionsReader {
  constructor(@Inject(MODULE_OPTIONS_TOKEN) readonly options: ClientOptions) {}
}

@Module({ providers: [OptionsReader], exports: [OptionsReader] })
class SomeClientModule extends ConfigurableModuleClass {}

describe('clientModuleDefinition', () => {
  const options: ClientOptions = { baseUrl: 'http://provider.test', timeoutMs: 1_000 };

  it('gives the module a forRoot that provides the options', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SomeClientModule.forRoot(options)] }).compile();
    expect(moduleRef.get(OptionsReader).options).toEqual(options);
  });

  it('gives the module a forRootAsync that provides the options from a factory', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SomeClientModule.forRootAsync({ useFactory: () => options })],
    }).compile();
    expect(moduleRef.get(OptionsReader).options).toEqual(options);
  });

  it('is global with isGlobal: a feature module of the app injects what the root module imported, without the flag in the options', async () => {
    @Injectable()
    class Feature {
      constructor(readonly reader: OptionsReader) {}
    }
    @Module({ providers: [Feature] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [SomeClientModule.forRoot({ ...options, isGlobal: true }), FeatureModule],
    }).compile();
    expect(moduleRef.get(Feature).reader.options).toEqual(options);
  });

  it('is not global by default: a feature module cannot inject it', async () => {
    @Injectable()
    class Feature {
      constructor(readonly reader: OptionsReader) {}
    }
    @Module({ providers: [Feature] })
    class FeatureModule {}
    await expect(Test.createTestingModule({ imports: [SomeClientModule.forRoot(options), FeatureModule] }).compile()).rejects.toThrow(
      /can't resolve dependencies of the Feature/,
    );
  });
});

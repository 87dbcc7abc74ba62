/** Inside `jest.isolateModules`: whether `dependency` has been loaded since, as the answer of the function returned. */
function watchLoading(dependency: string): () => boolean {
  let loaded = false;
  jest.doMock(dependency, () => {
    loaded = true;
    return jest.requireActual(dependency);
  });
  return () => loaded;
}

describe('@boundary/testing loading', () => {
  it('does not load nock, which overrides node:http on load, until an HttpInterception starts', () => {
    jest.isolateModules(() => {
      const nockLoaded = watchLoading('nock');
      const kit = require('./index') as typeof import('./index');
      new kit.HttpServiceDouble('http://orders.test');
      kit.answers(200, []);
      expect(nockLoaded()).toBe(false);

      const interception = new kit.HttpInterception();
      interception.start();
      expect(nockLoaded()).toBe(true);
      interception.verify();
    });
  });

  it('does not load the OpenTelemetry SDK until a test asks for recordingTracing()', () => {
    jest.isolateModules(() => {
      const sdkLoaded = watchLoading('@opentelemetry/sdk-trace-base');
      const kit = require('./index') as typeof import('./index');
      expect(sdkLoaded()).toBe(false);
      void kit.recordingTracing().stop();
      expect(sdkLoaded()).toBe(true);
    });
  });

  it('does not load Pact: its half of the kit is the entry point @boundary/testing/pact', () => {
    jest.isolateModules(() => {
      const pactLoaded = watchLoading('@pact-foundation/pact');
      require('./index');
      expect(pactLoaded()).toBe(false);
      require('./pact');
      expect(pactLoaded()).toBe(true);
    });
  });

  it('does not load @nestjs/microservices: its half of the kit is the entry point @boundary/testing/messages', () => {
    jest.isolateModules(() => {
      const microservicesLoaded = watchLoading('@nestjs/microservices');
      require('./index');
      expect(microservicesLoaded()).toBe(false);
      require('./messages');
      expect(microservicesLoaded()).toBe(true);
    });
  });
});

describe('@boundary/testing loading', () => {
  it('does not load nock, which overrides node:http on load, until an HttpInterception starts', () => {
    let nockLoaded = false;
    jest.isolateModules(() => {
      jest.doMock('nock', () => {
        nockLoaded = true;
        return jest.requireActual('nock');
      });
      const kit = require('./index') as typeof import('./index');
      new kit.HttpServiceDouble('http://orders.test');
      kit.answers(200, []);
      expect(nockLoaded).toBe(false);

      const interception = new kit.HttpInterception();
      interception.start();
      expect(nockLoaded).toBe(true);
      interception.verify();
    });
  });

  it('does not load Pact: its half of the kit is the entry point @boundary/testing/pact', () => {
    let pactLoaded = false;
    jest.isolateModules(() => {
      jest.doMock('@pact-foundation/pact', () => {
        pactLoaded = true;
        return jest.requireActual('@pact-foundation/pact');
      });
      require('./index');
      expect(pactLoaded).toBe(false);
      require('./pact');
      expect(pactLoaded).toBe(true);
    });
  });
});

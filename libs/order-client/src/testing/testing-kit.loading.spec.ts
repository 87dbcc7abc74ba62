describe('@boundary/order-client/testing loading', () => {
  it('does not load nock, which overrides node:http on load, until an HttpInterception starts', () => {
    let nockLoaded = false;
    jest.isolateModules(() => {
      jest.doMock('nock', () => {
        nockLoaded = true;
        return jest.requireActual('nock');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the isolated registry
      const kit = require('./index') as typeof import('./index');
      new kit.OrderServiceClientStub();
      new kit.HttpServiceDouble('http://orders.test');
      expect(nockLoaded).toBe(false);

      const interception = new kit.HttpInterception();
      interception.start();
      expect(nockLoaded).toBe(true);
      interception.verify();
    });
  });
});

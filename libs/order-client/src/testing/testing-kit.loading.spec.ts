describe('@boundary/order-client/testing loading', () => {
  it('does not load nock, which overrides node:http on load (nor does @boundary/testing, which it builds on)', () => {
    let nockLoaded = false;
    jest.isolateModules(() => {
      jest.doMock('nock', () => {
        nockLoaded = true;
        return jest.requireActual('nock');
      });
      const kit = require('./index') as typeof import('./index');
      new kit.OrderServiceClientStub();
      kit.answersOrders([kit.anOrder()]);
      expect(nockLoaded).toBe(false);
    });
  });
});

import { createServer, connect, type Server } from 'node:net';
import { TcpProxy } from './tcp-proxy';

/** Connects to 127.0.0.1:port, sends `text`, resolves with what came back, or rejects with the socket error. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('TcpProxy', () => {
  let echo: Server;
  let proxy: TcpProxy;

  beforeAll(async () => {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    proxy = await TcpProxy.start('127.0.0.1', (echo.address() as { port: number }).port);
  });

  afterAll(async () => {
    await proxy.down();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('forwards both ways, refuses while down, and forwards again on the same port once up', async () => {
    expect(await roundTrip(proxy.port, 'ping')).toBe('ping');
    const port = proxy.port;
    await proxy.down();
    await expect(roundTrip(port, 'ping')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await proxy.up();
    expect(proxy.port).toBe(port);
    expect(await roundTrip(port, 'pong')).toBe('pong');
  });
});

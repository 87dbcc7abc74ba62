import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from './service-process';

/**
 * A TCP gate in front of RabbitMQ: while closed, every connection is refused on arrival (as a broker that is down);
 * once opened, connections are piped to the broker. A service given `url` sees the broker come and go.
 */
export class BrokerGate {
  private open = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** A closed gate on a free port in front of the broker at `brokerUrl`; `url` carries the same credentials. */
  static async start(brokerUrl: string): Promise<BrokerGate> {
    const port = await freePort();
    const broker = new URL(brokerUrl);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const gated = new URL(brokerUrl);
    gated.hostname = '127.0.0.1';
    gated.port = String(port);
    return new BrokerGate(server, gated.toString(), { host: broker.hostname, port: Number(broker.port || 5672) });
  }

  /** From now on, connections reach the broker. */
  letThrough(): void {
    this.open = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (!this.open) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

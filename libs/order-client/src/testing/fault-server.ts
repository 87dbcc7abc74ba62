import { createServer, type Server, type Socket } from 'node:net';

/** What the fault server does with one request. Build them with the factories below. */
export type Fault =
  | { kind: 'answer'; status: number; body: Buffer; headers: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'trickle'; status: number; body: Buffer; intervalMs: number }
  | { kind: 'reset-mid-body'; status: number; body: Buffer; sentBytes: number }
  | { kind: 'truncate'; status: number; body: Buffer; sentBytes: number }
  | { kind: 'chunked'; status: number; chunk: Buffer; chunks: number };

/** Answers `status` with `body` (JSON-encoded unless a string or Buffer) and `Connection: close`. */
export function answers(status: number, body: unknown = '', headers: Record<string, string> = {}): Fault {
  return { kind: 'answer', status, body: toBuffer(body), headers };
}

/** Accepts the connection, reads the request, never answers. */
export function hangs(): Fault {
  return { kind: 'hang' };
}

/** Sends the status line and headers, then the body one byte every `intervalMs`. */
export function trickles(body: unknown, intervalMs: number, status = 200): Fault {
  return { kind: 'trickle', status, body: toBuffer(body), intervalMs };
}

/** Announces the whole body, sends `sentBytes` of it, then resets the connection (TCP RST). */
export function resetsMidBody(body: unknown, sentBytes: number, status = 200): Fault {
  return { kind: 'reset-mid-body', status, body: toBuffer(body), sentBytes };
}

/** Announces the whole body, sends `sentBytes` of it, then closes the connection normally (FIN). */
export function truncates(body: unknown, sentBytes: number, status = 200): Fault {
  return { kind: 'truncate', status, body: toBuffer(body), sentBytes };
}

/** A chunked body with no `Content-Length`: `chunks` times `chunk` (so a size limit cannot trust a header). */
export function streamsChunks(chunk: string, chunks: number, status = 200): Fault {
  return { kind: 'chunked', status, chunk: Buffer.from(chunk), chunks };
}

/** One request as the fault server read it. */
export interface RecordedRequest {
  method: string;
  /** The request target exactly as sent (still percent-encoded). */
  target: string;
  headers: Record<string, string>;
}

/**
 * A socket-level HTTP/1.1 provider double on 127.0.0.1 that misbehaves on purpose: each request takes the next
 * fault `route` picks for it, else the next queued fault (`next`), else the default one (`otherwise`, initially
 * `answers(200, [])`). It records every
 * request and counts open connections; `stop()` destroys them all, after which its URL refuses connections.
 */
export class FaultServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Fault[] = [];
  private fallback: Fault = answers(200, []);
  private router?: (request: RecordedRequest) => Fault | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on 127.0.0.1, on `port` (e.g. to come back where a stopped one was) or a free one. */
  static start(port = 0): Promise<FaultServer> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const faults = new FaultServer(server, (server.address() as { port: number }).port);
        server.on('connection', (socket) => faults.accept(socket));
        resolve(faults);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Connections currently open (accepted and not yet closed). */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Queues faults for the next requests, in order. */
  next(...faults: Fault[]): this {
    this.queue.push(...faults);
    return this;
  }

  /**
   * Chooses the fault from the request itself (e.g. by path) before the queue and the default are consulted;
   * returning `undefined` falls through to them. For long runs mixing faults, e.g. a soak test.
   */
  route(choose: (request: RecordedRequest) => Fault | undefined): this {
    this.router = choose;
    return this;
  }

  /** The fault for every request once the queue is empty. */
  otherwise(fault: Fault): this {
    this.fallback = fault;
    return this;
  }

  /** Closes the listener and destroys every connection; the port then refuses connections. */
  async stop(): Promise<void> {
    const closed = [...this.sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve).destroy()));
    await Promise.all([...closed, new Promise((resolve) => this.server.close(resolve))]);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const timers = new Set<NodeJS.Timeout>();
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const timer of timers) clearTimeout(timer);
    });
    socket.on('error', () => undefined);
    let head = '';
    const onData = (data: Buffer) => {
      head += data.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      const request = parseHead(head.slice(0, end));
      this.requests.push(request);
      this.act(socket, this.router?.(request) ?? this.queue.shift() ?? this.fallback, timers);
    };
    socket.on('data', onData);
  }

  private act(socket: Socket, fault: Fault, timers: Set<NodeJS.Timeout>): void {
    switch (fault.kind) {
      case 'hang':
        return;
      case 'answer':
        socket.end(Buffer.concat([statusAndHeaders(fault.status, fault.body.length, fault.headers), fault.body]));
        return;
      case 'trickle': {
        socket.write(statusAndHeaders(fault.status, fault.body.length));
        let sent = 0;
        const timer = setInterval(() => {
          if (sent >= fault.body.length) {
            clearInterval(timer);
            socket.end();
            return;
          }
          socket.write(fault.body.subarray(sent, ++sent));
        }, fault.intervalMs);
        timers.add(timer);
        return;
      }
      case 'reset-mid-body':
        socket.write(Buffer.concat([statusAndHeaders(fault.status, fault.body.length), fault.body.subarray(0, fault.sentBytes)]));
        // The write callback comes before the bytes are on the wire; a reset right then would discard them
        // (and the peer would see a clean close). Let them go out first.
        timers.add(setTimeout(() => socket.resetAndDestroy(), 20));
        return;
      case 'truncate':
        socket.end(Buffer.concat([statusAndHeaders(fault.status, fault.body.length), fault.body.subarray(0, fault.sentBytes)]));
        return;
      case 'chunked': {
        socket.write(statusAndHeaders(fault.status, undefined, { 'Transfer-Encoding': 'chunked' }));
        const frame = Buffer.concat([Buffer.from(`${fault.chunk.length.toString(16)}\r\n`), fault.chunk, Buffer.from('\r\n')]);
        let left = fault.chunks;
        const pump = () => {
          while (left > 0 && !socket.destroyed) {
            left--;
            if (!socket.write(frame)) return void socket.once('drain', pump);
          }
          if (!socket.destroyed) socket.end('0\r\n\r\n');
        };
        pump();
        return;
      }
    }
  }
}

function statusAndHeaders(status: number, length: number | undefined, headers: Record<string, string> = {}): Buffer {
  const lines = [`HTTP/1.1 ${status} Fault`, 'Connection: close'];
  if (length !== undefined) lines.push(`Content-Length: ${length}`);
  const all = { 'Content-Type': 'application/json', ...headers };
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

function parseHead(head: string): RecordedRequest {
  const [requestLine, ...headerLines] = head.split('\r\n');
  const [method = '', target = ''] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, target, headers };
}

function toBuffer(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

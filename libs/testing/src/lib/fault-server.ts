import { createServer, type Server, type Socket } from 'node:net';
import { answers } from './http-answers';
import { toBuffer, type SocketAnswer } from './socket-answers';
import { traceContextOf, type TraceContext } from './trace-context';

/** One request as the fault server read it. */
export interface FaultServerRequest {
  method: string;
  /** The request target exactly as sent (still percent-encoded). */
  target: string;
  headers: Record<string, string>;
  /** The W3C trace context its `traceparent` header carries; `undefined` when it had none, `valid: false` when malformed. */
  traceContext?: TraceContext;
}

/**
 * A socket-level HTTP/1.1 provider double on 127.0.0.1 that misbehaves on purpose: each request takes the
 * answer `route` picks for it, else the next queued one (`next`), else the default one (`otherwise`, initially
 * `answers(200, [])`). It plays every `HttpAnswer` (a connection failure as a reset: a server that listens
 * cannot refuse — `stop()` it for that) and the socket-only ones (`trickles`, `resetsMidBody`, `closesMidBody`,
 * `streamsChunks`). It records every request and counts open connections; `stop()` destroys them all, after
 * which its URL refuses connections.
 */
export class FaultServer {
  readonly requests: FaultServerRequest[] = [];
  private readonly queue: SocketAnswer[] = [];
  private fallback: SocketAnswer = answers(200, []);
  private router?: (request: FaultServerRequest) => SocketAnswer | undefined;
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

  /** Queues answers for the next requests, in order. */
  next(...answers: SocketAnswer[]): this {
    this.queue.push(...answers.map(playable));
    return this;
  }

  /**
   * Chooses the answer from the request itself (e.g. by path) before the queue and the default are consulted;
   * returning `undefined` falls through to them. For long runs mixing faults, e.g. a soak test.
   */
  route(choose: (request: FaultServerRequest) => SocketAnswer | undefined): this {
    this.router = choose;
    return this;
  }

  /** The answer for every request once the queue is empty. */
  otherwise(answer: SocketAnswer): this {
    this.fallback = playable(answer);
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

  private act(socket: Socket, answer: SocketAnswer, timers: Set<NodeJS.Timeout>): void {
    switch (answer.kind) {
      case 'never':
        return;
      case 'answer': {
        const body = toBuffer(answer.body);
        socket.end(Buffer.concat([statusAndHeaders(answer.status, body.length, answer.headers), body]));
        return;
      }
      case 'raw': {
        const body = Buffer.from(answer.text);
        socket.end(Buffer.concat([statusAndHeaders(answer.status, body.length), body]));
        return;
      }
      case 'network':
        socket.resetAndDestroy();
        return;
      case 'delayed':
        timers.add(setTimeout(() => this.act(socket, answer.then, timers), answer.ms));
        return;
      case 'trickle': {
        socket.write(statusAndHeaders(answer.status, answer.body.length));
        let sent = 0;
        const timer = setInterval(() => {
          if (sent >= answer.body.length) {
            clearInterval(timer);
            socket.end();
            return;
          }
          socket.write(answer.body.subarray(sent, ++sent));
        }, answer.intervalMs);
        timers.add(timer);
        return;
      }
      case 'reset-mid-body':
        socket.write(Buffer.concat([statusAndHeaders(answer.status, answer.body.length), answer.body.subarray(0, answer.sentBytes)]));
        // The write callback comes before the bytes are on the wire; a reset right then would discard them
        // (and the peer would see a clean close). Let them go out first.
        timers.add(setTimeout(() => socket.resetAndDestroy(), 20));
        return;
      case 'close-mid-body':
        socket.end(Buffer.concat([statusAndHeaders(answer.status, answer.body.length), answer.body.subarray(0, answer.sentBytes)]));
        return;
      case 'chunked': {
        socket.write(statusAndHeaders(answer.status, undefined, { 'Transfer-Encoding': 'chunked' }));
        const frame = Buffer.concat([Buffer.from(`${answer.chunk.length.toString(16)}\r\n`), answer.chunk, Buffer.from('\r\n')]);
        let left = answer.chunks;
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

function parseHead(head: string): FaultServerRequest {
  const [requestLine, ...headerLines] = head.split('\r\n');
  const [method = '', target = ''] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, target, headers, traceContext: traceContextOf(headers) };
}

/** Refuses, at setup, a connection failure a listening server cannot cause. */
function playable(answer: SocketAnswer): SocketAnswer {
  if (answer.kind === 'network' && answer.code !== 'ECONNRESET') {
    throw new Error(`FaultServer cannot play connectionFails(${JSON.stringify(answer.code)}): it can only reset (resets()); stop() it to refuse connections`);
  }
  return answer;
}

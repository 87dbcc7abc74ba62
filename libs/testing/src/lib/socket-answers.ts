import type { HttpAnswer } from './http-answers';

/** Answers only a real socket can play: `FaultServer` plays them, the `HttpService` double and nock cannot. */
export type SocketOnlyAnswer =
  | { readonly kind: 'trickle'; readonly status: number; readonly body: Buffer; readonly intervalMs: number }
  | { readonly kind: 'reset-mid-body'; readonly status: number; readonly body: Buffer; readonly sentBytes: number }
  | { readonly kind: 'close-mid-body'; readonly status: number; readonly body: Buffer; readonly sentBytes: number }
  | { readonly kind: 'chunked'; readonly status: number; readonly chunk: Buffer; readonly chunks: number };

/** Everything `FaultServer` can play: every `HttpAnswer`, and the socket-only ones. */
export type SocketAnswer = HttpAnswer | SocketOnlyAnswer;

/** Sends the status line and headers, then the body one byte every `intervalMs`. */
export function trickles(body: unknown, intervalMs: number, status = 200): SocketAnswer {
  return { kind: 'trickle', status, body: toBuffer(body), intervalMs };
}

/** Announces the whole body, sends `sentBytes` of it, then resets the connection (TCP RST). */
export function resetsMidBody(body: unknown, sentBytes: number, status = 200): SocketAnswer {
  return { kind: 'reset-mid-body', status, body: toBuffer(body), sentBytes };
}

/** Announces the whole body, sends `sentBytes` of it, then closes the connection normally (FIN). */
export function closesMidBody(body: unknown, sentBytes: number, status = 200): SocketAnswer {
  return { kind: 'close-mid-body', status, body: toBuffer(body), sentBytes };
}

/** A chunked body with no `Content-Length`: `chunks` times `chunk` (so a size limit cannot trust a header). */
export function streamsChunks(chunk: string, chunks: number, status = 200): SocketAnswer {
  return { kind: 'chunked', status, chunk: Buffer.from(chunk), chunks };
}

/** `body` as bytes: a Buffer as is, a string as UTF-8, anything else as its JSON. */
export function toBuffer(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

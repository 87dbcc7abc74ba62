/**
 * What a fake provider does with one request, described as data so that one answer can be played by every player:
 * the `HttpService` double (`HttpServiceDouble`), nock in endpoint tests (`replyWith`) and the socket-level
 * `FaultServer`. Answers only a real socket can play are `SocketAnswer`s (see `socket-answers.ts`).
 */
export type HttpAnswer =
  /** An HTTP answer; `body` is sent as JSON unless it is a string. */
  | { readonly kind: 'answer'; readonly status: number; readonly body: unknown; readonly headers: Record<string, string> }
  /** An answer whose body text is sent as-is with `Content-Type: application/json`, and parsed like axios does. */
  | { readonly kind: 'raw'; readonly status: number; readonly text: string }
  /** No HTTP answer: the connection fails below HTTP. */
  | { readonly kind: 'network'; readonly code: string }
  /** No answer at all: the caller's timeout must fire. */
  | { readonly kind: 'never' }
  /** `then`, after `ms` milliseconds of latency. */
  | { readonly kind: 'delayed'; readonly ms: number; readonly then: HttpAnswer };

/** Answers `status` with `body` (JSON unless a string). The body is not checked: use it to break a contract on purpose. */
export function answers(status: number, body: unknown = '', headers: Record<string, string> = {}): HttpAnswer {
  return { kind: 'answer', status, body, headers };
}

/** Answers `status` with `text` as-is under `Content-Type: application/json`; the caller parses it as axios would. */
export function answersText(status: number, text: string): HttpAnswer {
  return { kind: 'raw', status, text };
}

/** 200 with `Content-Type: application/json` and a body that is not JSON (`text`). */
export function answersMalformedJson(text = '[{"id": "1", '): HttpAnswer {
  return answersText(200, text);
}

/**
 * `status` (200) with the JSON of `body` (a string is taken as already encoded) cut to its first `keptBytes`
 * characters — by default half — as when the provider's answer stops mid-body. Every player sends the cut text as
 * the whole body; to announce the full length and then close the socket, see `closesMidBody` (FaultServer only).
 */
export function truncates(body: unknown, keptBytes?: number, status = 200): HttpAnswer {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  return answersText(status, json.slice(0, keptBytes ?? Math.floor(json.length / 2)));
}

/**
 * 200 with a JSON array of `item` repeated until the body is at least `bytes` bytes: well-formed and, if `item`
 * is, on-contract, so only a response size limit can refuse it.
 */
export function answersOversized(bytes: number, item: unknown): HttpAnswer {
  const itemBytes = Buffer.byteLength(JSON.stringify(item));
  // `[a,b,c]` is 1 byte plus each item and its comma (or closing bracket).
  const count = Math.max(1, Math.ceil((bytes - 1) / (itemBytes + 1)));
  return answersText(200, JSON.stringify(Array.from({ length: count }, () => item)));
}

/** `answer`, after `ms` milliseconds of latency. */
export function delays(ms: number, answer: HttpAnswer): HttpAnswer {
  return { kind: 'delayed', ms, then: answer };
}

/** Never answers (the connection stays open): the caller's timeout fires. */
export function timesOut(): HttpAnswer {
  return { kind: 'never' };
}

/** The connection fails below HTTP with the Node error `code`, e.g. `EHOSTUNREACH` or axios' `ECONNABORTED`. */
export function connectionFails(code: string): HttpAnswer {
  return { kind: 'network', code };
}

/** The connection is reset before any answer (`ECONNRESET`). */
export function resets(): HttpAnswer {
  return connectionFails('ECONNRESET');
}

/** The connection is refused (`ECONNREFUSED`): nothing listens. */
export function refuses(): HttpAnswer {
  return connectionFails('ECONNREFUSED');
}

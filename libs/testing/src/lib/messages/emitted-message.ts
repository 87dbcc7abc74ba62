import type { TraceContext } from '../trace-context';

/** One `emit` a {@link ClientProxyDouble} received, expected or not, with the payload as emitted. */
export interface EmittedMessage {
  pattern: string;
  /** The payload; of an `RmqRecord`, its `data` (what `ClientRMQ` puts in the message's body). */
  data: unknown;
  /** The W3C trace context the message carried in its headers; `undefined` when it carried none. */
  traceContext?: TraceContext;
}

/** What a double checks a payload with: a zod schema (or anything with zod's `safeParse`). */
export interface PayloadSchema {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: readonly PayloadIssue[] } };
}

/** One reason a payload breaks its schema (zod's issue shape). */
export interface PayloadIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** One `emit` a {@link ClientProxyDouble} received, expected or not, with the payload as emitted. */
export interface EmittedMessage {
  pattern: string;
  data: unknown;
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

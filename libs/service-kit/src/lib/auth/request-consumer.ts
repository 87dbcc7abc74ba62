/** The consumer each request being served was identified as, by its credential, for its request line. */
const consumers = new WeakMap<object, string>();

/** Notes that `request` came from `consumer` (its credential is in that consumer's accepted set). */
export function rememberConsumer(request: object, consumer: string): void {
  consumers.set(request, consumer);
}

/** The consumer `request` was identified as, if a guard identified it. */
export function consumerOf(request: object): string | undefined {
  return consumers.get(request);
}

/** What a call asked for: its method, the path template it filled in, and the parameters it filled it with. */
export interface CalledResource {
  /** Upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path template, e.g. `/users/{userId}/orders`. */
  readonly path: string;
  /** The template's parameters as the caller gave them (not encoded). */
  readonly params: Readonly<Record<string, string>>;
}

/** `GET /orders/{orderId} (orderId "a/b")`: the resource, for messages and logs. */
export function describeResource({ method, path, params }: CalledResource): string {
  const values = Object.entries(params).map(([name, value]) => `${name} ${JSON.stringify(value)}`);
  return values.length === 0 ? `${method} ${path}` : `${method} ${path} (${values.join(', ')})`;
}

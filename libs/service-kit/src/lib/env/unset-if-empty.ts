/** An empty variable (`DATABASE_URL=`) means "not set", as in most tools: a `z.preprocess` step for optional variables. */
export const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

/** Options of `nx g @boundary/nx-plugin:service <name>-service --port <n> [--database]`. */
export interface ServiceGeneratorSchema {
  /** The app's name: kebab-case, ending in `-service`. */
  name: string;
  /** The port it listens on by default; no other app may record it. */
  port: number;
  /** PGlite/PostgreSQL storage with Drizzle and versioned migrations instead of an in-memory repository. */
  database?: boolean;
}

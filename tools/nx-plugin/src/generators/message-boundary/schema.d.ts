/** Options of `nx g @boundary/nx-plugin:message-boundary --publisher <app> --consumer <app> --event <subject-verb>`. */
export interface MessageBoundaryGeneratorSchema {
  /** The NestJS app publishing the event; its events contract library is `libs/<name>-events-contract`. */
  publisher: string;
  /** The NestJS app consuming it through Nest's RMQ transport. */
  consumer: string;
  /** Kebab-case `<subject>-<verb>`, e.g. `invoice-issued` (pattern `invoices.issued`). */
  event: string;
}

/**
 * A route written once as a path template (`/users/{userId}/orders`) serves both sides: clients fill it in (each
 * parameter encoded as one segment), and a Nest controller takes it in its own syntax through `nestRoute`.
 */
export function nestRoute(template: string): string {
  return template.replace(/^\/+/, '').replace(/\{([^}]+)\}/g, ':$1');
}

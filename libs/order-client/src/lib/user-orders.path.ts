/**
 * The path of a user's order history. The id is percent-encoded as exactly one path segment, so no id — `a/b`,
 * `x?y`, `#`, `../x`, `%` — can change the path or add a query. The ids `.` and `..` cannot be carried at all
 * (WHATWG URL parsing, which axios uses, reads `%2E%2E` as `..`): `isDotSegment` finds them so the client refuses
 * them before sending, as `UserIdSchema` does in both services.
 */
export function userOrdersPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/orders`;
}

/** Whether `userId` is `.` or `..`, which no encoding keeps from being read as path navigation. */
export function isDotSegment(userId: string): boolean {
  return userId === '.' || userId === '..';
}

/**
 * The path of a user's order history. The id is percent-encoded as exactly one path segment, so no id — `a/b`,
 * `x?y`, `#`, `../x`, `%` — can change the path or add a query. The ids `.` and `..` cannot be carried at all; the
 * client refuses them before sending (`isDotSegment` of the contract), as `UserIdSchema` does in both services.
 */
export function userOrdersPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/orders`;
}

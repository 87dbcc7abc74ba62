/**
 * The path template of a user's order history. The client core percent-encodes the id as exactly one path segment,
 * so no id — `a/b`, `x?y`, `#`, `../x`, `%` — can change the path or add a query; the ids `.` and `..` cannot be
 * carried at all and are refused before sending, as `UserIdSchema` refuses them in both services.
 */
export const USER_ORDERS_PATH = '/users/{userId}/orders';

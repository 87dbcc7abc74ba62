/**
 * The path of a user's order history. The id is percent-encoded as exactly one path segment, so no id — `a/b`,
 * `x?y`, `#`, `..`, `%` — can change the path or add a query. `.` and `..` are encoded too, because URL
 * normalisation (WHATWG, proxies) would otherwise collapse them as dot-segments.
 */
export function userOrdersPath(userId: string): string {
  return `/users/${encodePathSegment(userId)}/orders`;
}

function encodePathSegment(segment: string): string {
  const encoded = encodeURIComponent(segment);
  if (segment === '.' || segment === '..') {
    return encoded.replace(/\./g, '%2E');
  }
  return encoded;
}

/**
 * Whether `segment` is `.` or `..`: no encoding can carry them as a path segment (WHATWG URL parsing, which axios
 * uses, reads `%2E%2E` as `..`), so neither the services nor the clients accept them as an id.
 */
export function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}

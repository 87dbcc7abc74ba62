/**
 * The path segments `.` and `..`: no encoding can carry them as a path segment (WHATWG URL parsing, which axios
 * uses, reads `%2E%2E` as `..`), so neither the services nor the clients accept them as an id.
 */
export const DOT_SEGMENTS: readonly string[] = ['.', '..'];

/** Whether `segment` is one of the {@link DOT_SEGMENTS}, `.` or `..`. */
export function isDotSegment(segment: string): boolean {
  return DOT_SEGMENTS.includes(segment);
}

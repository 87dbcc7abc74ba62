/**
 * The `cursor` query parameter of the `rel="next"` target in an RFC 8288 `Link` header, or `undefined` when the
 * header has no next link (the last page). `baseUrl` resolves relative targets.
 */
export function nextPageCursor(linkHeader: string | undefined, baseUrl: string): string | undefined {
  if (!linkHeader) return undefined;
  for (const link of linkHeader.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link);
    if (match && /;\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2])) {
      return new URL(match[1], baseUrl).searchParams.get('cursor') ?? undefined;
    }
  }
  return undefined;
}

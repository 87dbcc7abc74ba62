import { isDotSegment } from './dot-segment';

/**
 * A path template's parameter that no URL can carry: `.` or `..`, a string that is not well-formed Unicode (a lone
 * surrogate, which has no UTF-8 encoding), or one the template names but the call omits.
 */
export class UnsendablePathParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly problem: 'dot-segment' | 'malformed' | 'missing',
  ) {
    // "dot-segment user id": the parameter's name in words, as messages speak of it.
    super(`${problem} ${parameter.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()}`);
    this.name = 'UnsendablePathParameterError';
  }
}

/**
 * Fills `{name}` placeholders of `template` with `params`, each percent-encoded as exactly one path segment, so no
 * value — `a/b`, `x?y`, `#`, `../x`, `%` — can change the path or add a query. Throws `UnsendablePathParameterError`
 * for a value `.` or `..` (URL parsing would navigate with it whatever its encoding), one with a lone surrogate
 * (`encodeURIComponent` would throw a `URIError`) or a missing parameter.
 */
export function expandPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new UnsendablePathParameterError(name, 'missing');
    if (isDotSegment(value)) throw new UnsendablePathParameterError(name, 'dot-segment');
    if (!value.isWellFormed()) throw new UnsendablePathParameterError(name, 'malformed');
    return encodeURIComponent(value);
  });
}

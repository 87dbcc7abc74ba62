/** The part of a JSON schema (OpenAPI 3.0 dialect) that the explanations read. */
export interface Schema {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  [keyword: string]: unknown;
}

const LOWER_BOUNDS = ['minLength', 'minItems', 'minimum', 'minProperties'] as const;
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maximum', 'maxProperties'] as const;
const EXACT = ['pattern', 'format'] as const;

function types(schema: Schema): Set<string> {
  const listed = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (schema.nullable) listed.push('null');
  return new Set(listed);
}

/** One keyword by which a schema lets through more values than another: `maxLength 200 → 300`. */
export interface KeywordChange {
  keyword: string;
  /** The value in the stricter schema, as JSON (`none` when absent). */
  strict: string;
  /** The value in the looser schema. */
  loose: string;
}

/** The keywords by which `loose` lets through values `strict` refuses. */
export function loosenedKeywords(strict: Schema, loose: Schema): KeywordChange[] {
  const shown = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  const change = (keyword: string) => ({ keyword, strict: shown(strict[keyword]), loose: shown(loose[keyword]) });
  const changes: KeywordChange[] = [];
  const [strictTypes, looseTypes] = [types(strict), types(loose)];
  const wider =
    (strictTypes.size > 0 && looseTypes.size === 0) ||
    [...looseTypes].some((type) => !strictTypes.has(type) && !(type === 'integer' && strictTypes.has('number')));
  if (strictTypes.size > 0 && wider) {
    changes.push({ keyword: 'type', strict: [...strictTypes].join('|'), loose: [...looseTypes].join('|') || 'any' });
  }
  for (const keyword of LOWER_BOUNDS) {
    const [s, l] = [strict[keyword] as number | undefined, loose[keyword] as number | undefined];
    if (s !== undefined && (l === undefined || l < s)) changes.push(change(keyword));
  }
  for (const keyword of UPPER_BOUNDS) {
    const [s, l] = [strict[keyword] as number | undefined, loose[keyword] as number | undefined];
    if (s !== undefined && (l === undefined || l > s)) changes.push(change(keyword));
  }
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (strict[keyword] === true && loose[keyword] !== true) changes.push(change(keyword));
  }
  for (const keyword of EXACT) {
    if (strict[keyword] !== undefined && strict[keyword] !== loose[keyword]) changes.push(change(keyword));
  }
  if (strict.enum && (!loose.enum || loose.enum.some((value) => !strict.enum?.includes(value)))) changes.push(change('enum'));
  return changes;
}

/** `keyword old → new` for each change, in the order of the commits compared. */
function described(changes: KeywordChange[], widened: boolean): string {
  return changes.map(({ keyword, strict, loose }) => `${keyword} ${widened ? strict : loose} → ${widened ? loose : strict}`).join(', ');
}

/** How `after` refuses values `before` accepted, as `keyword old → new, …`; empty when it refuses none. */
export function narrowedKeywords(before: Schema, after: Schema): string {
  return described(loosenedKeywords(after, before), false);
}

/** A field path as a reader writes it: `orders[].quantity`, or `(body)` for the whole document. */
function joined(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

/**
 * What a client reading responses of `before` may miss in `after`: fields removed, made optional, or widened
 * (a type or bound that now lets through values the client never saw).
 */
export function responseFieldChanges(before: Schema, after: Schema, at = ''): string[] {
  const changes: string[] = [];
  const loosened = loosenedKeywords(before, after);
  if (loosened.length > 0) changes.push(`${at || '(body)'} widened (${described(loosened, true)})`);
  if (before.items && after.items) changes.push(...responseFieldChanges(before.items, after.items, `${at}[]`));
  for (const [name, field] of Object.entries(before.properties ?? {})) {
    const now = after.properties?.[name];
    const path = joined(at, name);
    if (!now) changes.push(`${path} removed`);
    else {
      if (before.required?.includes(name) && !after.required?.includes(name)) changes.push(`${path} made optional`);
      changes.push(...responseFieldChanges(field, now, path));
    }
  }
  return changes;
}

/**
 * What a client writing requests valid for `before` may now be refused for by `after`: fields added as required
 * or made required, or narrowed (a type or bound that refuses values the client may send).
 */
export function requestFieldChanges(before: Schema, after: Schema, at = ''): string[] {
  const changes: string[] = [];
  const narrowed = narrowedKeywords(before, after);
  if (narrowed) changes.push(`${at || '(body)'} narrowed (${narrowed})`);
  if (before.items && after.items) changes.push(...requestFieldChanges(before.items, after.items, `${at}[]`));
  for (const [name, field] of Object.entries(after.properties ?? {})) {
    const then = before.properties?.[name];
    const path = joined(at, name);
    const required = after.required?.includes(name) ?? false;
    if (!then) {
      if (required) changes.push(`${path} added as required`);
    } else {
      if (required && !before.required?.includes(name)) changes.push(`${path} made required`);
      changes.push(...requestFieldChanges(then, field, path));
    }
  }
  for (const name of Object.keys(before.properties ?? {})) {
    if (!after.properties?.[name] && after.additionalProperties === false) changes.push(`${joined(at, name)} no longer accepted`);
  }
  return changes;
}

import { diff, type DiffOutputItem } from '@asyncapi/diff';
import type { BreakingChange } from './breaking-change';
import { payloadRuleTable, type PayloadRule } from './async-api-rules';

/** An AsyncAPI 3 document as JSON. */
export type AsyncApiDocument = Record<string, unknown>;

/**
 * `document` with every schema's `required` list as an object (`{ "quantity": true }`): @asyncapi/diff compares
 * arrays by index, so a field added to the middle of the list would read as the fields after it being replaced.
 */
function withKeyedRequired(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKeyedRequired);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === 'required' && Array.isArray(inner) && inner.every((name) => typeof name === 'string')
        ? [key, Object.fromEntries(inner.map((name: string) => [name, true]))]
        : [key, withKeyedRequired(inner)],
    ),
  );
}

/** A JSON pointer's segments, unescaped (`~1` is `/`, `~0` is `~`). */
function segmentsOf(pointer: string): string[] {
  return pointer.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const shown = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));

/** One line naming the channel, the message and the field a breaking change touches. */
function describeChange({ action, path, before, after }: DiffOutputItem): string {
  const [top, channel, part, message, payload, ...schema] = segmentsOf(path);
  if (top !== 'channels' || channel === undefined) return `${action} ${path}`;
  if (part === undefined) return action === 'remove' ? `removed channel ${channel}` : `channel ${channel} changed`;
  if (part !== 'messages' || (payload !== 'payload' && payload !== 'headers') || (payload === 'headers' && schema.length === 0)) {
    const what = [part, message, payload].filter((segment) => segment !== undefined).join('.');
    return action === 'remove' ? `channel ${channel}: removed ${what}` : `channel ${channel}: ${what} ${shown(before)} → ${shown(after)}`;
  }
  const fields: string[] = [];
  let keyword: string | undefined;
  for (let i = 0; i < schema.length; i++) {
    if (schema[i] === 'properties' && schema[i + 1] !== undefined) fields.push(schema[++i]);
    else if (schema[i] === 'items') fields.push('[]');
    else {
      keyword = schema.slice(i).join('.');
      break;
    }
  }
  const field = fields.join('.').replace(/\.\[\]/g, '[]') || `(${payload})`;
  const where = `channel ${channel} message ${message}`;
  const kind = payload === 'headers' ? 'header' : 'field';
  if (keyword === undefined) return `${where}: ${kind} ${field} ${action === 'remove' ? 'removed' : 'changed'}`;
  if (keyword.startsWith('required.')) return `${where}: ${kind} ${field}.${keyword.slice('required.'.length)} no longer required`;
  return `${where}: ${field} ${keyword} ${shown(before)} → ${shown(after)}`;
}

/**
 * The changes from `before` to `after` (AsyncAPI 3) that can break a consumer built against `before`, classified by
 * @asyncapi/diff's standard (a channel or message removed or renamed, an address changed, …) and by
 * {@link PAYLOAD_RULES} inside payload and headers schemas (a field or header removed or made optional, a type, fixed
 * value or constraint changed). Additive changes (a new channel, message, optional field, or headers described)
 * answer an empty list. `rules`: which payload
 * rules apply (all by default; a test leaves one out to prove what it catches).
 */
export function findAsyncApiBreakingChanges(before: AsyncApiDocument, after: AsyncApiDocument, rules?: readonly PayloadRule[]): BreakingChange[] {
  const changes = diff(withKeyedRequired(before), withKeyedRequired(after), { override: payloadRuleTable(rules) }).breaking() as DiffOutputItem[];
  return changes.map((change) => ({ code: `${change.path.split('/')[1] ?? 'document'}.${change.action}`, description: describeChange(change) }));
}

import type { Classifier, OverrideObject } from '@asyncapi/diff';

/** Where a message's payload and headers schemas sit in an AsyncAPI 3 document, as @asyncapi/diff's rule paths write it. */
const PAYLOAD = '/channels/*/messages/*/payload';
const HEADERS = '/channels/*/messages/*/headers';

/** How deep the rules follow a payload schema (`properties/*`, `items`): an envelope, its data, and two levels more. */
const SCHEMA_DEPTH = 5;

const unclassified: Classifier = { add: 'unclassified', remove: 'unclassified', edit: 'unclassified' };

/**
 * A keyword whose removal or change lets the publisher send what a consumer did not expect; adding it only narrows
 * what is sent. (A message is read by its consumers, as a response is by a client.)
 */
const looseningBreaks: Classifier = { add: 'non-breaking', remove: 'breaking', edit: 'breaking' };

/**
 * The payload rules @asyncapi/diff 0.5.0 lacks (its standard stops at `payload`, so every change inside a payload
 * schema is `unclassified`), by name, each the schema keywords it classifies. They apply to a message's headers schema
 * too: a header is read by consumers as a field is.
 */
export const PAYLOAD_RULES = {
  /** A field removed (`properties/<name>`), or all of them; a field added is not breaking. */
  fieldRemoved: ['properties', 'properties/*'],
  /** A field no longer required: the publisher may leave it out (`required`, read as a set, see below). */
  fieldMadeOptional: ['required', 'required/*'],
  /** A field's type changed or dropped. */
  typeChanged: ['type'],
  /** A fixed value changed or dropped: the pattern in Nest's envelope (a renamed pattern), a schema version. */
  valueChanged: ['const'],
  /** A constraint dropped or changed: values the consumer's validation refuses may now be sent. */
  constraintLoosened: ['enum', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'additionalProperties'],
} as const;

export type PayloadRule = keyof typeof PAYLOAD_RULES;

/** Every schema location under a payload down to `depth`: the payload, each `properties/*` and `items` below. */
function schemaLocations(at: string, depth: number): string[] {
  if (depth === 0) return [at];
  return [at, ...schemaLocations(`${at}/properties/*`, depth - 1), ...schemaLocations(`${at}/items`, depth - 1)];
}

/**
 * The rule table passed to @asyncapi/diff's `override`, with the rules `enabled` breaking and the others
 * unclassified. Every path is always present: @asyncapi/diff merges an override into its shared standard object
 * (`Object.assign`), so a path left out would keep whatever an earlier call in the process set.
 */
export function payloadRuleTable(enabled: readonly PayloadRule[] = Object.keys(PAYLOAD_RULES) as PayloadRule[]): OverrideObject {
  // Headers described where there were none only describe more (the standard calls any addition under a channel
  // breaking); headers no longer described may no longer be sent.
  const table: OverrideObject = { [HEADERS]: looseningBreaks };
  for (const location of [...schemaLocations(PAYLOAD, SCHEMA_DEPTH), ...schemaLocations(HEADERS, SCHEMA_DEPTH)]) {
    // The walk to a nested keyword passes through `properties`, `properties/*` and `items`: each needs an entry.
    for (const step of ['properties', 'properties/*', 'items']) table[`${location}/${step}`] = unclassified;
    for (const [rule, keywords] of Object.entries(PAYLOAD_RULES)) {
      const classifier = enabled.includes(rule as PayloadRule) ? looseningBreaks : unclassified;
      for (const keyword of keywords) table[`${location}/${keyword}`] = classifier;
    }
  }
  return table;
}

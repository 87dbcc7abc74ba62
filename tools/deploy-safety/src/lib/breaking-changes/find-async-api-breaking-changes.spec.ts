import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAYLOAD_RULES, type PayloadRule } from './async-api-rules';
import { findAsyncApiBreakingChanges, type AsyncApiDocument } from './find-async-api-breaking-changes';

const workspaceRoot = join(__dirname, '../../../../..');
/** The Order Service's committed AsyncAPI document: `orders.placed`, Nest's envelope `{ pattern, data }`. */
const committed = () => JSON.parse(readFileSync(join(workspaceRoot, 'apps/order-service/asyncapi.json'), 'utf8')) as AsyncApiDocument;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The committed document after `change` (given the document and the event's `data` schema). */
function changed(change: (document: Json, data: Json) => void): AsyncApiDocument {
  const document = committed() as Json;
  change(document, document['channels']['orders.placed'].messages['orders.placed'].payload.properties.data);
  return document;
}

/** The committed document after `change` to the message's headers schema (the W3C trace-context headers). */
function headersChanged(change: (headers: Json, message: Json) => void): AsyncApiDocument {
  const document = committed() as Json;
  const message = document['channels']['orders.placed'].messages['orders.placed'];
  change(message.headers, message);
  return document;
}

const descriptions = (after: AsyncApiDocument, rules?: readonly PayloadRule[]) =>
  findAsyncApiBreakingChanges(committed(), after, rules).map((change) => change.description);
const allBut = (rule: PayloadRule) => (Object.keys(PAYLOAD_RULES) as PayloadRule[]).filter((name) => name !== rule);
const MESSAGE = 'channel orders.placed message orders.placed';

describe('findAsyncApiBreakingChanges', () => {
  it('finds nothing between a document and itself', () => {
    expect(findAsyncApiBreakingChanges(committed(), committed())).toEqual([]);
  });

  describe('stays quiet on what no consumer can trip over', () => {
    it('an optional field added', () => {
      expect(descriptions(changed((_, data) => (data.properties.coupon = { type: 'string' })))).toEqual([]);
    });

    it('a required field added in the middle of the list (the list is compared as a set)', () => {
      const after = changed((_, data) => {
        data.properties.channel = { type: 'string' };
        data.required.splice(1, 0, 'channel');
      });
      expect(descriptions(after)).toEqual([]);
    });

    it('a new channel', () => {
      const after = changed((document) => (document['channels']['orders.cancelled'] = { ...document['channels']['orders.placed'], address: 'q2' }));
      expect(descriptions(after)).toEqual([]);
    });

    it('headers described where there were none (they only say more of what is sent)', () => {
      const withoutHeaders = headersChanged((_, message) => delete message.headers);
      expect(findAsyncApiBreakingChanges(withoutHeaders, committed())).toEqual([]);
    });

    it('an optional header added', () => {
      expect(descriptions(headersChanged((headers) => (headers.properties.baggage = { type: 'string' })))).toEqual([]);
    });

    it('a description reworded', () => {
      expect(descriptions(changed((_, data) => (data.properties.item.description = 'What was ordered')))).toEqual([]);
    });
  });

  // Each payload rule: the change is breaking with it, and the same change passes unnoticed without it.
  describe.each<[PayloadRule, string, (document: Json, data: Json) => void, string]>([
    ['fieldRemoved', 'removing a field', (_, data) => delete data.properties.quantity, `${MESSAGE}: field data.quantity removed`],
    [
      'fieldMadeOptional',
      'making a field optional',
      (_, data) => (data.required = data.required.filter((name: string) => name !== 'reservation_id')),
      `${MESSAGE}: field data.reservation_id no longer required`,
    ],
    ['typeChanged', 'changing a field’s type', (_, data) => (data.properties.quantity.type = 'string'), `${MESSAGE}: data.quantity type "integer" → "string"`],
    ['typeChanged', 'dropping a field’s type', (_, data) => delete data.properties.item.type, `${MESSAGE}: data.item type "string" → none`],
    ['valueChanged', 'changing the schema version', (_, data) => (data.properties.version.const = 2), `${MESSAGE}: data.version const 1 → 2`],
    [
      'valueChanged',
      'renaming the pattern inside Nest’s envelope',
      (document) => (document['channels']['orders.placed'].messages['orders.placed'].payload.properties.pattern.const = 'orders.created'),
      `${MESSAGE}: pattern const "orders.placed" → "orders.created"`,
    ],
    ['constraintLoosened', 'raising a field’s maximum length', (_, data) => (data.properties.item.maxLength = 300), `${MESSAGE}: data.item maxLength 200 → 300`],
  ])('the %s rule', (rule, change, apply, expected) => {
    it(`makes ${change} breaking, naming the field`, () => {
      expect(descriptions(changed(apply))).toContain(expected);
    });

    it(`is what catches it (without the rule, ${change} is not reported)`, () => {
      expect(descriptions(changed(apply), allBut(rule))).not.toContain(expected);
    });
  });

  describe('on the message’s headers, as on its payload', () => {
    it('reports the headers no longer described', () => {
      expect(descriptions(headersChanged((_, message) => delete message.headers))).toEqual(['channel orders.placed: removed messages.orders.placed.headers']);
    });

    it('reports a header removed, naming it', () => {
      expect(descriptions(headersChanged((headers) => delete headers.properties.traceparent))).toEqual([`${MESSAGE}: header traceparent removed`]);
    });

    it('reports a header’s constraint loosened, naming the header', () => {
      expect(descriptions(headersChanged((headers) => delete headers.properties.traceparent.pattern))).toEqual([
        `${MESSAGE}: traceparent pattern "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$" → none`,
      ]);
    });

    it('reports a required header made optional', () => {
      const required = headersChanged((headers) => (headers.required = ['traceparent']));
      expect(findAsyncApiBreakingChanges(required, committed()).map((change) => change.description)).toEqual([
        `${MESSAGE}: (headers) required {"traceparent":true} → none`,
      ]);
    });
  });

  describe('by @asyncapi/diff’s own standard', () => {
    it('reports a removed channel', () => {
      expect(descriptions(changed((document) => delete document['channels']['orders.placed']))).toContain('removed channel orders.placed');
    });

    it('reports a renamed pattern (the channel and message are named by it) as the old channel removed', () => {
      const renamed = JSON.parse(JSON.stringify(committed()).replaceAll('orders.placed', 'orders.created')) as AsyncApiDocument;
      expect(descriptions(renamed)).toContain('removed channel orders.placed');
    });

    it('reports a channel moved to another queue', () => {
      expect(descriptions(changed((document) => (document['channels']['orders.placed'].address = 'elsewhere')))).toContain(
        'channel orders.placed: address "fulfilment.orders-placed" → "elsewhere"',
      );
    });
  });
});

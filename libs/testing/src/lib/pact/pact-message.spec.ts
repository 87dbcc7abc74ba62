import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMessagePact, pactMessageContent, pactMessageDescriptions, type PactMessage } from './pact-message';

const message = (content: unknown): PactMessage => ({ contents: { content: content as PactMessage['contents']['content'] }, metadata: {} });

describe('pactMessageContent', () => {
  it('is the JSON content of the pact’s message, serialised', () => {
    expect(pactMessageContent(message({ pattern: 'orders.placed', data: { quantity: 2 } })).toString()).toBe(
      '{"pattern":"orders.placed","data":{"quantity":2}}',
    );
  });

  it('is binary content as it is', () => {
    expect(pactMessageContent(message(Buffer.from([1, 2, 3])))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('refuses a message without content, saying how to give it one', () => {
    expect(() => pactMessageContent(message(undefined))).toThrow('The pact message has no content: give it one with withJSONContent');
  });
});

describe('the messages of a pact file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pact-messages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pact = (name: string, ...types: string[]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ interactions: types.map((type, i) => ({ type, description: `${type} ${i}` })) }));
    return file;
  };

  it('are the descriptions of its asynchronous messages, in its order', () => {
    expect(pactMessageDescriptions(pact('mixed', 'Asynchronous/Messages', 'Synchronous/HTTP', 'Asynchronous/Messages'))).toEqual([
      'Asynchronous/Messages 0',
      'Asynchronous/Messages 2',
    ]);
  });

  it('make it a message pact when they are all it holds', () => {
    expect(isMessagePact(pact('events', 'Asynchronous/Messages'))).toBe(true);
    expect(isMessagePact(pact('both', 'Asynchronous/Messages', 'Synchronous/HTTP'))).toBe(false);
    expect(isMessagePact(pact('empty'))).toBe(false);
  });
});

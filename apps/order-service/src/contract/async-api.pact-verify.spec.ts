import { isMessagePact, pactMessageDescriptions, pactsUnderVerification } from '@boundary/testing/pact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MessageInteraction {
  type?: string;
  description: string;
  contents: { content: { pattern?: unknown; data?: unknown } };
}

interface PayloadSchema {
  properties?: { pattern?: { const?: unknown }; data?: { properties?: Record<string, unknown> } };
}

/** The committed AsyncAPI document: the channels' messages and their payloads (Nest's `{ pattern, data }` envelope). */
const document = JSON.parse(readFileSync(join(__dirname, '../../asyncapi.json'), 'utf8')) as {
  channels: Record<string, { messages: Record<string, { payload: PayloadSchema }> }>;
};

/** Every message interaction the pacts under verification hold for the Order Service. */
function messageInteractions(): MessageInteraction[] {
  return pactsUnderVerification('order-service').flatMap((file) => {
    const messages = new Set(pactMessageDescriptions(file));
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: MessageInteraction[] };
    return pact.interactions.filter((interaction) => messages.has(interaction.description));
  });
}

/** The payload schema of the message published under `pattern`, as the document declares it. */
function payloadOf(pattern: unknown): PayloadSchema | undefined {
  return Object.values(document.channels)
    .flatMap((channel) => Object.values(channel.messages))
    .find((message) => message.payload.properties?.pattern?.const === pattern)?.payload;
}

describe('the Order Service AsyncAPI document describes what the message pacts use', () => {
  const rows = messageInteractions().map((interaction) => [interaction.description, interaction] as const);
  // can-i-deploy may verify one HTTP pact alone (the User Service's): it holds no message, and Jest refuses an empty table.
  const httpOnly = !pactsUnderVerification('order-service').some(isMessagePact);
  const eachMessage = httpOnly ? it.skip.each([['(no message interaction)', {} as MessageInteraction] as const]) : it.each(rows);

  eachMessage('%s: its pattern is a channel’s message, and every field of its data is declared', (_description, interaction) => {
    const { pattern, data } = interaction.contents.content;
    const payload = payloadOf(pattern);
    expect({ pattern, declared: payload !== undefined }).toEqual({ pattern, declared: true });
    const declared = Object.keys(payload?.properties?.data?.properties ?? {});
    const used = Object.keys((data ?? {}) as object);
    expect(used.filter((field) => !declared.includes(field))).toEqual([]);
  });
});

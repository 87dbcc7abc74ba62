import { readFileSync } from 'node:fs';
import type { PactMessageInteraction } from './consumer-pact';

/** The interaction type of a V4 asynchronous message in a pact file. */
const ASYNCHRONOUS_MESSAGE = 'Asynchronous/Messages';

/** The message Pact hands a message interaction's test (pact 16.4 does not export its type). */
export type PactMessage = Parameters<Parameters<ReturnType<PactMessageInteraction['expectsToReceive']>['executeTest']>[0]>[0];

/**
 * The bytes of the message a pact's `executeTest` hands the consumer's test: its JSON content serialised, or its
 * binary content as it is. A consumer spec delivers them through its real pipeline (with `@boundary/testing/messages`'
 * `InProcessRmqServer.deliverRaw`), so the pact holds only what the consumer really reads off the queue.
 */
export function pactMessageContent(message: PactMessage): Buffer {
  const { content } = message.contents;
  if (Buffer.isBuffer(content)) return content;
  if (content === undefined || content === null) throw new Error('The pact message has no content: give it one with withJSONContent');
  return Buffer.from(JSON.stringify(content));
}

/** The interactions of a pact file, each with its type (`Synchronous/HTTP`, `Asynchronous/Messages`, …). */
function interactionsOf(pactFile: string): { type?: string; description: string }[] {
  return (JSON.parse(readFileSync(pactFile, 'utf8')) as { interactions?: { type?: string; description: string }[] }).interactions ?? [];
}

/** The descriptions of the message interactions (V4 asynchronous messages) a pact file holds, in its order. */
export function pactMessageDescriptions(pactFile: string): string[] {
  return interactionsOf(pactFile)
    .filter((interaction) => interaction.type === ASYNCHRONOUS_MESSAGE)
    .map((interaction) => interaction.description);
}

/** Whether a pact holds messages only: its consumer calls no HTTP API of the provider, so it needs no credential there. */
export function isMessagePact(pactFile: string): boolean {
  const interactions = interactionsOf(pactFile);
  return interactions.length > 0 && interactions.every((interaction) => interaction.type === ASYNCHRONOUS_MESSAGE);
}

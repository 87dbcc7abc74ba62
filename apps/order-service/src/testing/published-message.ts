import { rmqMessageContent, type ClientProxyDouble } from '@boundary/testing/messages';
import type { OutboxRelay } from '../events/outbox-relay';

/** What producing a message needs from the running app: its outbox relay, and the double it publishes to. */
export interface PublishingContext {
  relay: OutboxRelay;
  /** Stands in for the broker (`ORDER_EVENTS_CLIENT`): it records what the relay emits, checked against the contract. */
  events: ClientProxyDouble;
}

/**
 * What the Order Service publishes once a message interaction's states are set up: its real outbox relay publishes
 * the outbox (the rows the repository wrote with the orders the states placed), and the one message it emitted is
 * answered as `ClientRMQ` would put it on the queue. Throws, naming what happened, when the relay emits a payload that
 * breaks the contract, or not exactly one message.
 */
export async function publishedMessage({ relay, events }: PublishingContext): Promise<Buffer> {
  const before = events.emitted.length;
  await relay.relayOnce();
  events.verify();
  const emitted = events.emitted.slice(before);
  if (emitted.length !== 1) {
    const patterns = emitted.map((message) => message.pattern).join(', ') || 'nothing';
    throw new Error(`The outbox relay published ${patterns} once the states were set up; a message interaction expects one message`);
  }
  return rmqMessageContent(emitted[0]);
}

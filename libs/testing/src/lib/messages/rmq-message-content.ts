import { RmqRecordSerializer } from '@nestjs/microservices/serializers/rmq-record.serializer';
import type { EmittedMessage } from './emitted-message';

const serializer = new RmqRecordSerializer();

/**
 * The bytes Nest's `ClientRMQ` puts on the queue for `emit(pattern, data)` — its serializer's packet without the
 * publish options, as JSON (`{"pattern":"orders.placed","data":{…}}`) — and so what `ServerRMQ` reads: the one wire
 * format the in-process server delivers and a message pact's provider answers with.
 */
export function rmqMessageContent({ pattern, data }: EmittedMessage): Buffer {
  const { options: _publishOptions, ...packet } = serializer.serialize({ pattern, data }) as EmittedMessage & { options?: unknown };
  return Buffer.from(JSON.stringify(packet));
}

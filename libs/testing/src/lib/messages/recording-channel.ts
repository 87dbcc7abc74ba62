/** How a delivered message was settled by the consumer, as the broker would see it. */
export type Settlement = { kind: 'ack' } | { kind: 'nack'; requeue: boolean };

/**
 * The part of an amqplib channel a consumer settles messages through (`RmqContext.getChannelRef()`), recording each
 * `ack`, `nack` and `reject` per message. Settling one message twice is recorded too: the broker would close the channel.
 */
export class RecordingChannel {
  private readonly settled = new Map<object, Settlement[]>();
  private readonly waiting = new Map<object, (settlement: Settlement) => void>();

  ack(message: object): void {
    this.record(message, { kind: 'ack' });
  }

  nack(message: object, allUpTo = false, requeue = true): void {
    // Settling every earlier message at once would settle deliveries the test cannot see.
    if (allUpTo) throw new Error('RecordingChannel: nack(message, allUpTo=true) is not supported; settle each message');
    this.record(message, { kind: 'nack', requeue });
  }

  reject(message: object, requeue = true): void {
    this.record(message, { kind: 'nack', requeue });
  }

  /** Every settlement of `message`, in order (more than one is a consumer bug). */
  settlementsOf(message: object): readonly Settlement[] {
    return this.settled.get(message) ?? [];
  }

  /** The first settlement of `message`, or `undefined` if there is none within `timeoutMs`. */
  settlement(message: object, timeoutMs: number): Promise<Settlement | undefined> {
    const [first] = this.settlementsOf(message);
    if (first) return Promise.resolve(first);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(message);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(message, (settlement) => {
        clearTimeout(timer);
        this.waiting.delete(message);
        resolve(settlement);
      });
    });
  }

  private record(message: object, settlement: Settlement): void {
    this.settled.set(message, [...this.settlementsOf(message), settlement]);
    this.waiting.get(message)?.(settlement);
  }
}

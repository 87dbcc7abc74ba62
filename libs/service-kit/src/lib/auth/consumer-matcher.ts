import { timingSafeEqual } from 'node:crypto';
import type { ConsumerCredentials } from './consumer-credentials';
import { tokenDigest } from './presented-token';

/**
 * Names the consumer a presented token belongs to. Every accepted token is compared, whichever matches and whether
 * one does, each with `timingSafeEqual` on SHA-256 digests (32 bytes whatever was presented): how long it takes tells
 * neither a token nor which consumer's set holds it.
 */
export class ConsumerMatcher {
  private readonly entries: readonly { consumer: string; digest: Buffer }[];

  constructor(accepted: ConsumerCredentials['accepted']) {
    this.entries = Object.entries(accepted).flatMap(([consumer, tokens]) => tokens.map((token) => ({ consumer, digest: tokenDigest(token) })));
  }

  /** The consumer whose accepted set holds `presented`; `undefined` for none (or nothing presented). */
  identify(presented: string | undefined): string | undefined {
    if (presented === undefined) return undefined;
    const digest = tokenDigest(presented);
    let caller: string | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.digest)) caller ??= entry.consumer;
    }
    return caller;
  }
}

import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import type { DynamicModule, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderState } from '../provider-state';
import { PACTS_DIR } from './pacts-dir';

/** An interaction being written, as `ConsumerPact.addInteraction` starts it. */
export type PactInteraction = ReturnType<PactV4['addInteraction']>;
/** A message interaction being written (Pact V4 asynchronous message), as `ConsumerPact.addMessage` starts it. */
export type PactMessageInteraction = ReturnType<PactV4['addAsynchronousInteraction']>;
/** What a spec passes to `withRequest` to shape the request (headers, query, body). */
export type PactRequestBuilder = NonNullable<Parameters<PactInteraction['withRequest']>[2]>;
type PactParams = Parameters<PactInteraction['given']>[1];

/** A consumer's pact with one provider, written by its contract spec. */
export interface ConsumerPact {
  /** The file the pact is written to: `pacts/<consumer>-<provider>.json`. */
  readonly file: string;
  /**
   * A new interaction, given each of `states` with its parameters (a contract's definitions, e.g.
   * `ORDER_PROVIDER_STATES.userHasOrders({ userId, count: 2 })`); none: an interaction that holds in any state.
   */
  addInteraction(...states: ProviderState[]): PactInteraction;
  /**
   * A new message the consumer expects the provider to publish (a V4 asynchronous message), given each of `states`
   * as for {@link addInteraction}: the provider's verification sets them up, then produces the message.
   */
  addMessage(...states: ProviderState[]): PactMessageInteraction;
}

export interface ConsumerPactOptions {
  consumer: string;
  provider: string;
  /** Where the pact is written; default the workspace's pacts/, where the providers' verification reads it. */
  dir?: string;
}

/**
 * The pact `consumer` writes for `provider` (Pact specification V4). The file is removed first: Pact merges into an
 * existing file, so an interaction removed from the spec would otherwise stay in the pact.
 */
export function consumerPact({ consumer, provider, dir = PACTS_DIR }: ConsumerPactOptions): ConsumerPact {
  const file = join(dir, `${consumer}-${provider}.json`);
  rmSync(file, { force: true });
  const pact = new PactV4({ consumer, provider, dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'warn' });
  return {
    file,
    addInteraction: (...states) => given(pact.addInteraction(), states),
    addMessage: (...states) => given(pact.addAsynchronousInteraction(), states),
  };
}

/** `interaction` given each of `states` with its parameters: HTTP and message interactions alike. */
function given<Interaction extends { given(name: string, params?: PactParams): Interaction }>(
  interaction: Interaction,
  states: readonly ProviderState[],
): Interaction {
  return states.reduce((given, { name, params }) => given.given(name, params as PactParams), interaction);
}

/** The response header of a JSON answer, any charset: `application/json; charset=utf-8` in the example. */
export const JSON_CONTENT_TYPE = { 'Content-Type': MatchersV3.regex('application/json(;.*)?', 'application/json; charset=utf-8') };

/** The request header of a client that wants JSON. */
export const ACCEPT_JSON = { Accept: 'application/json' };

/**
 * The real client a contract spec drives: `module` (its client module, pointed at the mock server's URL) compiled
 * in a Nest testing module, and `client` taken from it.
 */
export async function nestClient<Client>(module: DynamicModule, client: Type<Client>): Promise<Client> {
  const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
  return moduleRef.get(client);
}

import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { INestApplication } from '@nestjs/common';
import type { ProviderStateHandlers } from './provider-state-handlers';

export interface VerifyPactsOptions {
  /** The provider's name in the pacts (`order-service`). */
  provider: string;
  /** The pacts to verify, every interaction of each. */
  pactFiles: readonly string[];
  /** The provider's state handlers (`providerStateHandlers`). */
  states: ProviderStateHandlers;
  /** The service token the consumers send in production, as `Authorization: Bearer <token>`; omitted: none. */
  token?: string;
}

/**
 * Verifies every interaction of `pactFiles` against the provider: a Nest `app`, which listens on a free 127.0.0.1
 * port unless it listens already, or a server's base URL. Each interaction's states are set up before it and torn
 * down after it. Resolves when every interaction holds; rejects with Pact's report of each one that does not.
 */
export async function verifyPacts(
  app: INestApplication | string,
  { provider, pactFiles, states, token }: VerifyPactsOptions,
): Promise<unknown> {
  return new Verifier({
    provider,
    providerBaseUrl: typeof app === 'string' ? app : await urlOf(app),
    pactUrls: [...pactFiles],
    logLevel: 'warn',
    // pact 16.4 types stateHandlers as HTTP and message handlers at once, which no setup/teardown handler satisfies.
    stateHandlers: states as VerifierOptions['stateHandlers'],
    ...(token ? { customProviderHeaders: [`Authorization: Bearer ${token}`] } : {}),
  }).verifyProvider();
}

async function urlOf(app: INestApplication): Promise<string> {
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  return app.getUrl();
}

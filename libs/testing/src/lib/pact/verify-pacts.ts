import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { INestApplication } from '@nestjs/common';
import { pactMessageDescriptions } from './pact-message';
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
  /**
   * For message pacts (V4 asynchronous messages): the bytes the provider's own producing code publishes once an
   * interaction's states are set up (e.g. its outbox relay's message for the order a state placed), JSON. Every message
   * interaction is answered by it, so what is verified is what the provider publishes, not a fixture.
   */
  messages?: () => Promise<Buffer>;
}

/**
 * Verifies every interaction of `pactFiles` in one run: each HTTP interaction against the provider (a Nest `app`,
 * which listens on a free 127.0.0.1 port unless it listens already, or a server's base URL), each message
 * interaction against what `messages` produces. Each interaction's states are set up before it and torn down after
 * it. Resolves when every interaction holds; rejects with Pact's report of each one that does not.
 */
export async function verifyPacts(
  app: INestApplication | string,
  { provider, pactFiles, states, token, messages }: VerifyPactsOptions,
): Promise<unknown> {
  const messageProviders = messageProvidersFor(pactFiles, messages);
  return new Verifier({
    provider,
    providerBaseUrl: typeof app === 'string' ? app : await urlOf(app),
    pactUrls: [...pactFiles],
    logLevel: 'warn',
    // pact 16.4 types stateHandlers as HTTP and message handlers at once, which no setup/teardown handler satisfies.
    stateHandlers: states as VerifierOptions['stateHandlers'],
    ...(token ? { customProviderHeaders: [`Authorization: Bearer ${token}`] } : {}),
    ...(messageProviders ? { messageProviders } : {}),
  }).verifyProvider();
}

/**
 * Pact's `messageProviders` (keyed by interaction description) for every message interaction of `pactFiles`, each
 * answered by `produce`; `undefined` when they hold none. Throws, naming the pact and its messages, when they hold
 * some and `produce` is missing.
 */
function messageProvidersFor(pactFiles: readonly string[], produce: VerifyPactsOptions['messages']): VerifierOptions['messageProviders'] {
  const expected = pactFiles.flatMap((file) => {
    const descriptions = pactMessageDescriptions(file);
    if (descriptions.length > 0 && !produce) {
      throw new Error(`${file} expects messages (${descriptions.map((description) => `'${description}'`).join(', ')}): pass verifyPacts the provider's \`messages\``);
    }
    return descriptions;
  });
  if (expected.length === 0 || !produce) return undefined;
  const answer = async () => {
    try {
      return JSON.parse((await produce()).toString('utf8')) as unknown;
    } catch (error) {
      // Pact's proxy answers a handler's rejection with an empty body, so the verifier would print `{}` as what was
      // published: the reason, as the body, is what its report then shows.
      return { error: `The provider produced no message: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  return Object.fromEntries(expected.map((description) => [description, answer]));
}

async function urlOf(app: INestApplication): Promise<string> {
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  return app.getUrl();
}

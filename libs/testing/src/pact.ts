// Pact's half of the kit, its own entry point: importing `@boundary/testing` does not load Pact.
export { MatchersV3 } from '@pact-foundation/pact';
export * from './lib/pact/consumer-pact';
export * from './lib/pact/pacts-dir';
export * from './lib/pact/provider-state-handlers';
export * from './lib/pact/verify-pacts';
export type { ProviderState, ProviderStateDefinition } from './lib/provider-state';
export * from './lib/pact/pacts-under-verification';
export * from './lib/pact/pact-consumer';
export * from './lib/pact/pact-message';

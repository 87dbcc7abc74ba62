import type { K8sObject } from './manifests';
import type { ServiceFacts } from './service-facts';

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML: the schema check has typed it already */
type Obj = K8sObject & Record<string, any>;

/** The Secret of one consumer/provider pair: `token` is what the consumer sends, `accepted` what the provider accepts. */
export function pairSecretName(consumer: string, provider: string): string {
  return `${consumer}-to-${provider}`;
}

const PLACEHOLDER = /^placeholder-secret:([^:]+):(.+)$/;
/** `scheme://user:password@host…`: a URL that carries its own password. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:[^/@\s]+@/i;

/**
 * What a Secret reference stands for when the rules load a service's configuration: a value of the right shape that
 * still names the Secret and key it came from, so the rules can follow a credential from the manifest into the
 * configuration. Kustomize's hash suffix (`-5t2k9c8hm7`) is dropped.
 */
export function secretPlaceholder(name: string, key: string): string {
  return `placeholder-secret:${name.replace(/-[a-z0-9]{10}$/, '')}:${key}`;
}

/** `Secret <name> key <key>` for a placeholder; `undefined` for a value written in the manifest. */
function secretOf(value: unknown): string | undefined {
  const match = typeof value === 'string' ? PLACEHOLDER.exec(value) : null;
  return match ? `Secret ${match[1]} key ${match[2]}` : undefined;
}

/** Every `{ baseUrl: 'http://<provider>:…', token? }` in a loaded configuration: the clients it calls its providers with. */
function clientsOf(config: unknown, found = new Map<string, unknown>()): Map<string, unknown> {
  if (config === null || typeof config !== 'object') return found;
  const { baseUrl, token } = config as { baseUrl?: unknown; token?: unknown };
  const provider = typeof baseUrl === 'string' ? /^https?:\/\/([a-z0-9-]+):/.exec(baseUrl)?.[1] : undefined;
  if (provider) found.set(provider, token);
  for (const value of Object.values(config)) clientsOf(value, found);
  return found;
}

export interface LoadedService {
  deployment: Obj;
  service: ServiceFacts;
  /** Its configuration, loaded from the Deployment's environment with Secrets as `secretPlaceholder`s. */
  config: Record<string, unknown> | undefined;
}

/**
 * Each consumer has its own credential per provider, from the pair's Secret: the consumer's client sends `token`,
 * the provider accepts `accepted` from that consumer and from no service that does not call it; no credential is a
 * literal of the manifest. Read through the services' own configurations, so no variable name is written here.
 */
export function credentialRules(loaded: LoadedService[]): string[] {
  const lines: string[] = [];
  const byName = new Map(loaded.map((entry) => [entry.service.name, entry]));
  const callers = new Map<string, string[]>();
  for (const { deployment, service, config } of loaded) {
    for (const e of [...(deployment.spec.template.spec.containers ?? []), ...(deployment.spec.template.spec.initContainers ?? [])].flatMap((c: Obj) => c.env ?? [])) {
      if (/_TOKENS?(_|$)/.test(e.name) && e.value !== undefined) lines.push(`${service.name}: sets ${e.name} as a literal value; credentials come from Secrets`);
      // A connection URL with a password in it (the database's, the broker's) is a credential too.
      if (typeof e.value === 'string' && URL_WITH_PASSWORD.test(e.value)) lines.push(`${service.name}: sets ${e.name} as a URL with a password in the manifest; credentials come from Secrets`);
    }
    for (const [provider, token] of clientsOf(config)) {
      if (!byName.has(provider)) continue;
      callers.set(provider, [...(callers.get(provider) ?? []), service.name]);
      const expected = `Secret ${pairSecretName(service.name, provider)} key token`;
      const actual = secretOf(token);
      if (token === undefined) lines.push(`${service.name}: calls ${provider} without a credential (${expected})`);
      else if (actual === undefined) lines.push(`${service.name}: sends ${provider} a credential written in the manifest, not ${expected}`);
      else if (actual !== expected) lines.push(`${service.name}: sends ${provider} the token of ${actual}, not ${expected}`);
    }
  }
  for (const { service, config } of loaded) {
    const provider = service.name;
    const consumers = callers.get(provider) ?? [];
    const accepted = (config?.['credentials'] as { accepted?: Record<string, string[]> } | undefined)?.accepted;
    if (accepted === undefined) {
      if (consumers.length > 0) lines.push(`${provider}: its configuration has no per-consumer credentials, yet ${consumers.join(', ')} call it`);
      continue;
    }
    for (const consumer of consumers) {
      const expected = `Secret ${pairSecretName(consumer, provider)} key accepted`;
      const tokens = accepted[consumer];
      if (tokens === undefined) lines.push(`${provider}: accepts no credential from its consumer ${consumer} (${expected})`);
      else if (tokens.some((token) => secretOf(token) !== expected)) lines.push(`${provider}: accepts from ${consumer} something else than ${expected}`);
    }
    for (const other of Object.keys(accepted).filter((name) => !consumers.includes(name))) {
      lines.push(`${provider}: accepts a credential from ${other}, which does not call it`);
    }
  }
  return lines;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './manifests';

/** What a service's own code says about it: read from its project.json and its configuration, never copied. */
export interface ServiceFacts {
  name: string;
  /** The environment variables its configuration reads (the keys of its zod schema). */
  variables: Set<string>;
  /** Whether its configuration reads `DATABASE_URL` (and so it has migrations to run). */
  usesDatabase: boolean;
  /** Whether its configuration reads `RABBITMQ_URL` (it publishes or consumes events). */
  usesBroker: boolean;
  /** `load<Service>Config(env)` of `src/config/<name>.config.ts`. */
  load(env: Record<string, string>): Record<string, unknown> & { port: number };
}

/** Every app of apps/ tagged `type:app`, with the facts its code states. */
export function serviceFacts(root = workspaceRoot): ServiceFacts[] {
  return readdirSync(join(root, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, project: JSON.parse(readFileSync(join(root, 'apps', entry.name, 'project.json'), 'utf8')) }))
    .filter(({ project }) => (project.tags as string[] | undefined)?.includes('type:app'))
    .map(({ name }) => {
      const configFile = join(root, 'apps', name, 'src/config', `${name}.config.ts`);
      // The schema's keys: `  ORDER_SERVICE_URL: z…` — every environment variable the service reads is one — and
      // those of the kit's database fragment where the schema spreads it (`...DATABASE_ENV`).
      const source = readFileSync(configFile, 'utf8');
      const module = require(configFile) as Record<string, unknown>;
      const variables = new Set([
        ...[...source.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]),
        ...(/^\s+\.\.\.DATABASE_ENV,/m.test(source) ? databaseVariables(root) : []),
        ...exportedSchemaKeys(module),
      ]);
      return {
        name,
        variables,
        usesDatabase: variables.has('DATABASE_URL'),
        usesBroker: variables.has('RABBITMQ_URL'),
        load: configLoader(name, configFile, module),
      };
    });
}

/** The keys of service-kit's `DATABASE_ENV = { DATABASE_URL: …, … }`, read from its source like the services' own. */
function databaseVariables(root: string): string[] {
  const source = readFileSync(join(root, 'libs/service-kit/src/lib/database/service-database.config.ts'), 'utf8');
  const fragment = /export const DATABASE_ENV = \{\n([\s\S]*?)\n\};/.exec(source)?.[1];
  if (!fragment) throw new Error('libs/service-kit: DATABASE_ENV not found in service-database.config.ts');
  return [...fragment.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
}

/**
 * The keys of every zod object schema the configuration exports: those it builds rather than writes, such as the
 * accepted sets the kit's `consumerCredentialsEnv` names (`ORDER_SERVICE_TOKENS_USER_SERVICE`).
 */
function exportedSchemaKeys(module: Record<string, unknown>): string[] {
  return Object.values(module).flatMap((value) => {
    const shape = (value as { shape?: unknown } | null)?.shape;
    return shape !== null && typeof shape === 'object' ? Object.keys(shape).filter((key) => /^[A-Z][A-Z0-9_]*$/.test(key)) : [];
  });
}

function configLoader(name: string, configFile: string, module: Record<string, unknown>): ServiceFacts['load'] {
  const loader = Object.entries(module).find(([key, value]) => /^load\w+Config$/.test(key) && typeof value === 'function');
  if (!loader) throw new Error(`${name}: ${configFile} exports no load…Config function`);
  return loader[1] as ServiceFacts['load'];
}

/** The longest upstream deadline in a loaded configuration (every `timeoutMs` in it), in ms; 0 when it calls no one. */
export function longestDeadlineMs(config: unknown): number {
  if (config === null || typeof config !== 'object') return 0;
  return Object.entries(config).reduce(
    (longest, [key, value]) => Math.max(longest, key === 'timeoutMs' && typeof value === 'number' ? value : longestDeadlineMs(value)),
    0,
  );
}

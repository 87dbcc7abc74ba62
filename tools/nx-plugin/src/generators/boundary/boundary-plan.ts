import { getProjects, names, visitNotIgnoredFiles, type ProjectConfiguration, type Tree } from '@nx/devkit';
import { globalPrefixOf } from './ast/root-module';
import { parseSource } from './ast/source-file';
import { serviceBaseName, singularOf, spellings, type Spellings } from './boundary-names';
import type { BoundaryGeneratorSchema } from './schema';

/** Everything the boundary is named by, derived once from the options and the workspace. */
export interface Boundary {
  /** The apps' Nx project names: `payments`, or `@acme/payments` in a workspace of TypeScript project references. */
  providerProject: string;
  consumerProject: string;
  /** The apps' names without an npm scope, as files, pacts and libraries are named after them. */
  providerApp: string;
  consumerApp: string;
  /** The libraries' base name: `<name>` for an app `<name>-service`, else the app's name. */
  provider: string;
  consumer: string;
  resource: string;
  singular: string;
  p: Spellings;
  c: Spellings;
  r: Spellings;
  s: Spellings;
  /** The provider app's name as a class name prefix (`StockLevelService`), as its test app is named. */
  providerAppClass: string;
  consumerAppClass: string;
  /** The provider's port: recorded in its project.json (`metadata.port`), else Nest's default 3000. */
  providerPort: number;
  /** Where the consumer reaches the provider by default: on localhost at its port, under its global prefix if any. */
  defaultUrl: string;
  providerRoot: string;
  consumerRoot: string;
  providerSourceRoot: string;
  consumerSourceRoot: string;
  /** Whether the provider has its contract and client already: the boundary then adds a consumer only. */
  existingLibraries: boolean;
}

/** The boundary's names, or a one-line refusal of input it cannot serve. */
export function planBoundary(tree: Tree, { provider: providerName, consumer: consumerName, resource }: BoundaryGeneratorSchema): Boundary {
  const projects = getProjects(tree);
  for (const [role, app] of [['provider', providerName], ['consumer', consumerName]] as const) {
    const project = projects.get(app);
    if (project === undefined || !isApp(tree, project)) {
      throw new Error(`Unknown ${role} "${app}": pass an existing app, e.g. ${[...appsOf(tree, projects)].join(' or ') || 'inventory-service'}.`);
    }
  }
  if (providerName === consumerName) {
    throw new Error(`Provider and consumer are both "${providerName}": a boundary joins two different apps.`);
  }
  const [providerApp, consumerApp] = [providerName, consumerName].map((name) => name.replace(/^@[^/]+\//, ''));
  const singular = singularOf(resource);
  if (singular === undefined) {
    throw new Error(`Invalid resource "${resource}": use a kebab-case plural noun, e.g. items or stock-levels.`);
  }
  const provider = serviceBaseName(providerApp) ?? providerApp;
  const consumer = serviceBaseName(consumerApp) ?? consumerApp;
  const providerProject = projects.get(providerName) as ProjectConfiguration;
  const consumerProject = projects.get(consumerName) as ProjectConfiguration;
  const libraries = [`${provider}-contract`, `${provider}-client`];
  // A workspace of TypeScript project references names a library after its package.
  const existing = libraries.filter((lib) => projects.has(lib) || projects.has(`@boundary/${lib}`));
  for (const lib of libraries) {
    if (existing.length < libraries.length && tree.exists(`libs/${lib}`)) {
      throw new Error(`libs/${lib} already exists but is not the provider's ${lib.endsWith('-client') ? 'client' : 'contract'} library: remove it or wire the boundary by hand.`);
    }
  }
  const existingLibraries = existing.length === libraries.length;
  const providerSourceRoot = providerProject.sourceRoot ?? `${providerProject.root}/src`;
  if (existingLibraries && !tree.exists(`${providerSourceRoot}/contract/${providerApp}.pact-verify.spec.ts`)) {
    throw new Error(`libs/${provider}-contract and libs/${provider}-client exist, but ${providerApp} does not verify them (no ${providerSourceRoot}/contract/${providerApp}.pact-verify.spec.ts): they belong to another provider.`);
  }
  const schema = `${names(singular).className}Schema`;
  if (existingLibraries && !exportsConst(tree, `libs/${provider}-contract/src`, schema)) {
    throw new Error(`libs/${provider}-contract exports no ${schema}: a further consumer of ${providerApp} uses a resource its contract already serves.`);
  }
  const port = (providerProject.metadata as { port?: unknown } | undefined)?.port;
  const providerPort = typeof port === 'number' ? port : 3000;
  const main = tree.read(`${providerSourceRoot}/main.ts`, 'utf8');
  const prefix = main === null ? undefined : globalPrefixOf(parseSource(`${providerSourceRoot}/main.ts`, main));
  return {
    providerProject: providerName,
    consumerProject: consumerName,
    providerApp,
    consumerApp,
    provider,
    consumer,
    resource,
    singular,
    p: spellings(provider),
    c: spellings(consumer),
    r: spellings(resource),
    s: spellings(singular),
    providerAppClass: names(providerApp).className,
    consumerAppClass: names(consumerApp).className,
    providerPort,
    defaultUrl: `http://localhost:${providerPort}${prefix === undefined ? '' : `/${prefix}`}`,
    providerRoot: providerProject.root,
    consumerRoot: consumerProject.root,
    providerSourceRoot,
    consumerSourceRoot: consumerProject.sourceRoot ?? `${consumerProject.root}/src`,
    existingLibraries,
  };
}

function* appsOf(tree: Tree, projects: Map<string, ProjectConfiguration>): Iterable<string> {
  for (const [name, project] of projects) if (isApp(tree, project)) yield name;
}

/** An application: so declared, or (a package.json project, whose type Nx infers) one with a src/main.ts. */
function isApp(tree: Tree, project: ProjectConfiguration): boolean {
  return project.projectType === 'application' || (project.projectType === undefined && tree.exists(`${project.root}/src/main.ts`));
}

/** Whether a TypeScript file under `dir` exports the constant `name` (the generated contract has it in its index.ts). */
function exportsConst(tree: Tree, dir: string, name: string): boolean {
  const declaration = new RegExp(`export const ${name}\\b`);
  let found = false;
  visitNotIgnoredFiles(tree, dir, (path) => {
    found ||= path.endsWith('.ts') && declaration.test(tree.read(path, 'utf8') ?? '');
  });
  return found;
}

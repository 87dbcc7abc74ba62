import { joinPathFragments, type ProjectConfiguration, type Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { withNamedImport } from './ast/imports';
import { withModuleEntry } from './ast/nest-module';
import { findRootModule, relativeImport, type RootModule } from './ast/root-module';
import { compactText, findAll, parseSource, UnplaceableEditError } from './ast/source-file';
import { findTestApp, type TestApp } from './ast/test-app';
import type { Spellings } from './boundary-names';
import { ignoringTests, JEST_CONFIGS, jestEnv } from './jest-config-edits';
import type { StagedEdits } from './staged-edits';
import { verifyCommand } from './workspace-defaults';

/** What the provider side needs to know of the app. */
export interface ProviderSide {
  providerProject: string;
  providerApp: string;
  consumerApp: string;
  providerRoot: string;
  sourceRoot: string;
  /** The provider's base name (`stock-level`): the service generator's feature module is `src/<base>/<base>.module.ts`. */
  provider: string;
  resource: string;
  singular: string;
  r: Spellings;
  s: Spellings;
}

/** How the provider was wired, for the templates. */
export interface ProviderWiring {
  root: RootModule;
  /** The app's own test app; `undefined` when the generator writes one. */
  testApp?: TestApp;
  /**
   * How its test app takes credentials: `acceptedTokens` (each consumer's set, as the service generator writes it) or
   * `serviceToken` (one shared token, as before per-consumer credentials); `undefined` for a generated test app.
   */
  tokenOption?: TokenOption;
}

/** The option through which a provider's test app is given what it accepts. */
export type TokenOption = 'acceptedTokens' | 'serviceToken';

/**
 * Stages the provider's edits: the route's controller and in-memory repository in the app's own module (the service
 * generator's feature module when the app has one, else its root module), its verification kept out of its unit tests,
 * and a `verify` target that runs after the consumers' `contract`.
 */
export function wireProvider(tree: Tree, edits: StagedEdits, b: ProviderSide): ProviderWiring {
  const root = findRootModule(tree, b.sourceRoot);
  const testApp = findTestApp(tree, b.sourceRoot, b.providerApp);
  const tokenOption = testApp === undefined ? undefined : tokenOptionOf(edits.read(testApp.path), testApp);
  if (testApp !== undefined && tokenOption === undefined) {
    throw new UnplaceableEditError(testApp.path, `${testApp.start}({ acceptedTokens }) or ({ serviceToken }) (the verification starts the provider through it)`);
  }
  if (testApp === undefined && root.method !== undefined) {
    throw UnplaceableEditError.missing(joinPathFragments(b.sourceRoot, `${b.providerApp}.test-app.ts`), 'a provider whose root module takes forRoot options is verified through its own test app');
  }
  const feature = joinPathFragments(b.sourceRoot, b.provider, `${b.provider}.module.ts`);
  const featureClass = edits.peek(feature) === undefined ? undefined : moduleClassIn(feature, edits.read(feature));
  const target = featureClass !== undefined ? { path: feature, className: featureClass } : root;
  const { s, r, resource, singular } = b;
  edits.update(target.path, (content) => {
    const at = (file: string) => relativeImport(target.path, joinPathFragments(b.sourceRoot, resource, file));
    let out = withNamedImport(target.path, content, `${r.className}Controller`, at(`${resource}.controller.ts`));
    out = withNamedImport(target.path, out, `InMemory${s.className}Repository`, at(`${singular}.repository.ts`));
    out = withNamedImport(target.path, out, `${s.className}Repository`, at(`${singular}.repository.ts`));
    out = withModuleEntry(target.path, out, target, 'controllers', `${r.className}Controller`);
    return withModuleEntry(target.path, out, target, 'providers', `{ provide: ${s.className}Repository, useClass: InMemory${s.className}Repository }`);
  });
  leaveToOwnTarget(tree, edits, b.providerRoot, {
    pattern: '\\.pact-verify\\.spec\\.ts$',
    sample: 'x.pact-verify.spec.ts',
    why: `Provider verification runs as its own target (\`nx verify ${b.providerProject}\`), after its consumers' \`contract\`.`,
  });
  return { root, testApp, tokenOption };
}

/**
 * An app's project tags, given the module-boundary tags the generated rules name (`type:app`, `scope:<scope>`) when
 * it has none: an untagged project may depend on no library under the workspace's depConstraints.
 */
export function withAppTags(project: ProjectConfiguration, scope: string): ProjectConfiguration {
  return (project.tags ?? []).length > 0 ? project : { ...project, tags: ['type:app', `scope:${scope}`] };
}

/**
 * The provider's project.json with the consumer as an implicit dependency and its `verify` target, whose command runs
 * the app's Jest config `jestConfig` (a file name in `providerRoot`).
 */
export function withVerifyTarget(content: string, providerRoot: string, consumerApp: string, scope: string, jestConfig: string): string {
  const project = withAppTags(JSON.parse(content) as ProjectConfiguration, scope);
  const database = project.targets?.['migrate'] !== undefined;
  // nx.json's verify default runs after the `contract` of the projects it depends on: its consumers.
  const dependencies = project.implicitDependencies ?? [];
  project.implicitDependencies = dependencies.includes(consumerApp) ? dependencies : [...dependencies, consumerApp];
  if (project.targets?.['verify'] === undefined) {
    const inputs = database ? { inputs: ['...', { env: 'DATABASE_URL' }] } : {};
    project.targets = { ...project.targets, verify: { ...inputs, options: { cwd: providerRoot, command: verifyCommand(jestConfig), ...jestEnv(jestConfig) } } };
  }
  return `${JSON.stringify(project, null, 2)}\n`;
}

/**
 * Stages the edit of the app's Jest config that leaves the spec files `pattern` matches (as it matches `sample`) to
 * their own target, and answers the config's path.
 */
export function leaveToOwnTarget(tree: Tree, edits: StagedEdits, appRoot: string, specs: { pattern: string; sample: string; why: string }): string {
  const jestConfig = jestConfigOf(tree, appRoot);
  edits.update(jestConfig, (content) => ignoringTests(jestConfig, content, specs.pattern, specs.sample, specs.why));
  return jestConfig;
}

/** The app's Jest config, or a refusal naming the one looked for. */
export function jestConfigOf(tree: Tree, appRoot: string): string {
  const found = JEST_CONFIGS.map((name) => joinPathFragments(appRoot, name)).find((path) => tree.exists(path));
  if (found === undefined) throw UnplaceableEditError.missing(joinPathFragments(appRoot, JEST_CONFIGS[0]), 'the contract targets run Jest');
  return found;
}

/** The `@Module` class a file declares, if it declares one. */
function moduleClassIn(path: string, content: string): string | undefined {
  return findAll(parseSource(path, content), ts.isClassDeclaration).find((node) =>
    (ts.getDecorators(node) ?? []).some((decorator) => compactText(decorator.expression).startsWith('Module(')),
  )?.name?.text;
}

/** The credentials option the test app's start function destructures (`acceptedTokens`, as the service generator's does). */
function tokenOptionOf(content: string, testApp: TestApp): TokenOption | undefined {
  const declaration = findAll(parseSource(testApp.path, content), ts.isFunctionDeclaration).find((node) => node.name?.text === testApp.start);
  const first = declaration?.parameters[0];
  if (first === undefined || !ts.isObjectBindingPattern(first.name)) return undefined;
  const names = first.name.elements.map((element) => element.name.getText());
  return (['acceptedTokens', 'serviceToken'] as const).find((option) => names.includes(option));
}

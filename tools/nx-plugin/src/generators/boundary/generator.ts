import {
  addProjectConfiguration,
  formatFiles,
  generateFiles,
  joinPathFragments,
  logger,
  readJson,
  type GeneratorCallback,
  type ProjectConfiguration,
  type Tree,
} from '@nx/devkit';
import { basename, join } from 'node:path';
import { writeCommittedOpenApi } from '../../open-api/committed-open-api';
import { UnplaceableEditError } from './ast/source-file';
import { planBoundary, type Boundary } from './boundary-plan';
import { wireConsumer, type ConsumerWiring } from './consumer-wiring';
import { filesToWrite } from './boundary-files';
import { withScopeRules } from './eslint-scope-rules';
import { jestEnv, withNodeTypesForJest } from './jest-config-edits';
import { wireDeploy } from './deploy-credentials';
import { declareConsumer } from './provider-credentials';
import { jestConfigOf, leaveToOwnTarget, wireProvider, withAppTags, withVerifyTarget, type ProviderWiring } from './provider-wiring';
import type { BoundaryGeneratorSchema } from './schema';
import { StagedEdits } from './staged-edits';
import { testingSection } from './testing-section';
import { contractCommand, ensureWorkspaceDefaults, libraryLayout } from './workspace-defaults';
import { addKitPackages, asWorkspacePackages, hasPackage } from './workspace-packages';

/**
 * Generates the boundary between two NestJS apps, as user-service → order-service has it: the provider's contract and
 * client libraries, its `GET /<resource>/:id` route, verification and `verify` target; the consumer's wiring, pact spec
 * and `contract` target; module-boundary rules, tsconfig paths, `nx affected` wiring, a TESTING.md section where the
 * workspace has a TESTING.md, and the packages the generated code imports in package.json (then `npm install`). A
 * provider that has its libraries already gains one more consumer, and nothing else. Edits the apps' TypeScript
 * through its syntax tree, found from main.ts; throws one line, before writing anything, on input it cannot serve.
 */
export async function boundaryGenerator(tree: Tree, options: BoundaryGeneratorSchema): Promise<GeneratorCallback> {
  const b = planBoundary(tree, options);
  const pactSpec = joinPathFragments(b.consumerSourceRoot, 'contract', `${b.providerApp}.pact.spec.ts`);
  if (b.existingLibraries && tree.exists(pactSpec)) {
    logger.info(`${b.consumerApp} already consumes ${b.providerApp} (${pactSpec}): nothing to change.`);
    return () => undefined;
  }
  const layout = libraryLayout(tree);
  const sharedPreset = layout === 'lib';
  const edits = new StagedEdits(tree);
  let consumer: ConsumerWiring;
  let provider: ProviderWiring | undefined;
  let declared: boolean;
  try {
    // Every edit is computed (and may refuse) before the first write.
    provider = b.existingLibraries ? undefined : wireProvider(tree, edits, { ...b, sourceRoot: b.providerSourceRoot });
    declared = declareConsumer(tree, edits, b.providerSourceRoot, b.providerApp, b.consumerApp);
    const providerJest = basename(jestConfigOf(tree, b.providerRoot));
    updateProjectFile(tree, edits, b.providerRoot, (content) =>
      withVerifyTarget(content, b.providerRoot, b.consumerProject, b.provider, providerJest),
    );
    consumer = wireConsumer(tree, edits, b.consumerSourceRoot, b.consumerApp, {
      p: b.p,
      clientImport: `@boundary/${b.provider}-client`,
      property: `${b.p.propertyName}Client`,
      defaultUrl: b.defaultUrl,
    });
    editConsumerTargets(tree, edits, b);
    for (const root of b.existingLibraries ? [b.consumerRoot] : [b.providerRoot, b.consumerRoot]) {
      const tsconfig = joinPathFragments(root, 'tsconfig.json');
      const typed = withNodeTypesForJest(jestConfigOf(tree, root), edits.peek(tsconfig));
      if (typed !== undefined) edits.update(tsconfig, () => typed);
    }
    edits.update('eslint.config.mjs', (content) => withScopeRules(content, b.provider, b.consumer));
    if (!b.existingLibraries && tree.exists('TESTING.md')) edits.update('TESTING.md', (content) => `${content.replace(/\n*$/, '\n')}\n${testingSection(b)}`);
  } catch (error) {
    if (error instanceof UnplaceableEditError) throw new Error(error.message);
    throw error;
  }
  const files = filesToWrite(b, consumer, provider, layout);
  for (const path of files.created) {
    if (tree.exists(path)) throw new Error(`${path} already exists: remove it or choose another resource.`);
  }
  const swagger = hasPackage(tree, '@nestjs/swagger');
  const paths = b.existingLibraries || layout === 'lib-ts' ? undefined : withPaths(tree, b);
  for (const [templates, target, extra] of files.templates) {
    generateFiles(tree, join(__dirname, 'files', templates), target, { ...b, ...files.substitutions, swagger, ...extra, tmpl: '' });
  }
  edits.apply();
  const deployNotes = wireDeploy(tree, {
    providerApp: b.providerApp,
    consumerApp: b.consumerApp,
    providerConstant: b.p.constantName,
    clusterUrl: b.defaultUrl.replace('//localhost:', `//${b.providerApp}:`),
    providerPort: b.providerPort,
    declared,
  });
  if (paths !== undefined) tree.write('tsconfig.base.json', paths);
  ensureWorkspaceDefaults(tree, sharedPreset);
  if (layout === 'lib-ts') asWorkspacePackages(tree, b);
  else if (!b.existingLibraries) {
    for (const [lib, type] of [['contract', 'type:contract'], ['client', 'type:client']]) {
      addProjectConfiguration(tree, `${b.provider}-${lib}`, libraryConfiguration(`libs/${b.provider}-${lib}`, type, b.provider, sharedPreset));
    }
  }
  const added = addKitPackages(tree);
  for (const line of [...files.notes, ...deployNotes]) logger.info(line);
  if (!declared) {
    logger.info(`${b.providerApp} declares no consumerCredentialsEnv('${b.providerApp}', [...]) in its configuration: ${b.consumerApp} is not added to what it accepts, its authentication stays as it is.`);
  }
  if (!b.existingLibraries && !tree.exists('TESTING.md')) logger.info('No TESTING.md in the workspace: the test levels are named by the generated specs.');
  if (added.length > 0) logger.info(`Added to package.json: ${added.join(', ')}. Run \`npm install\`.`);
  await formatFiles(tree);
  const openApiSpec = joinPathFragments(b.providerSourceRoot, 'open-api.spec.ts');
  if (b.existingLibraries) return () => undefined;
  if (!tree.exists(openApiSpec)) {
    logger.info(`${b.providerApp} has no ${openApiSpec}: no committed OpenAPI document to update.`);
    return () => undefined;
  }
  // The provider now serves one more route: its committed OpenAPI document follows.
  return () => writeCommittedOpenApi(tree.root, b.providerApp);
}

export default boundaryGenerator;

/** What the consumer's targets are edited by: its project and the provider whose pact it writes. */
export type ConsumerTargets = Pick<Boundary, 'consumerRoot' | 'consumerProject' | 'consumer' | 'consumerApp' | 'providerApp'>;

/** The consumer's Jest config keeping its pact specs out of its unit tests, and its `contract` target writing its pact. */
export function editConsumerTargets(tree: Tree, edits: StagedEdits, b: ConsumerTargets): void {
  const jestConfig = leaveToOwnTarget(tree, edits, b.consumerRoot, {
    pattern: '\\.pact\\.spec\\.ts$',
    sample: 'x.pact.spec.ts',
    why: `Consumer contract tests write pacts/ and run as their own target (\`nx contract ${b.consumerProject}\`).`,
  });
  updateProjectFile(tree, edits, b.consumerRoot, (content) => {
    const project = withAppTags(JSON.parse(content) as ProjectConfiguration, b.consumer);
    const pactFile = `{workspaceRoot}/pacts/${b.consumerApp}-${b.providerApp}.json`;
    // The rest of the target is nx.json's contract default.
    const existing = project.targets?.['contract'];
    const outputs = existing?.outputs ?? [];
    // nx.json's default runs jest.config.cjs; an app with another Jest config (jest.config.ts, say) names its own.
    const config = basename(jestConfig);
    const ownCommand = existing?.options?.command === undefined && config !== 'jest.config.cjs';
    const command = ownCommand ? { options: { command: contractCommand(config), ...jestEnv(config) } } : {};
    project.targets = {
      ...project.targets,
      contract: { ...existing, ...command, outputs: outputs.includes(pactFile) ? outputs : [...outputs, pactFile] },
    };
    return `${JSON.stringify(project, null, 2)}\n`;
  });
}

/**
 * Stages `change` of the app's project configuration (as project.json text): its project.json, or the `nx` field of its
 * package.json where it has no project.json (a workspace of TypeScript project references).
 */
export function updateProjectFile(tree: Tree, edits: StagedEdits, root: string, change: (projectJson: string) => string): void {
  const projectJson = joinPathFragments(root, 'project.json');
  if (tree.exists(projectJson) || !tree.exists(joinPathFragments(root, 'package.json'))) return edits.update(projectJson, change);
  edits.update(joinPathFragments(root, 'package.json'), (content) => {
    const manifest = JSON.parse(content);
    return `${JSON.stringify({ ...manifest, nx: JSON.parse(change(JSON.stringify(manifest.nx ?? {}))) }, null, 2)}\n`;
  });
}

/** tsconfig.base.json with the two libraries' import paths (and the client's testing entry point). */
function withPaths(tree: Tree, { provider }: Boundary): string {
  const tsconfig = readJson(tree, 'tsconfig.base.json');
  const paths: Record<string, string[]> = (tsconfig.compilerOptions ??= {}).paths ?? {};
  for (const entry of [`@boundary/${provider}-contract`, `@boundary/${provider}-client`, `@boundary/${provider}-client/testing`]) {
    if (paths[entry]) throw new Error(`tsconfig.base.json already maps ${entry}: remove it, or generate the boundary's libraries under another name.`);
  }
  tsconfig.compilerOptions.paths = {
    ...paths,
    [`@boundary/${provider}-contract`]: [`./libs/${provider}-contract/src/index.ts`],
    [`@boundary/${provider}-client`]: [`./libs/${provider}-client/src/index.ts`],
    [`@boundary/${provider}-client/testing`]: [`./libs/${provider}-client/src/testing/index.ts`],
  };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

/**
 * A library's own configuration is its tags and two small files: its tsconfig.json (extending the workspace's
 * tsconfig.libs.json where libraries share the Jest preset, when its `typecheck` target is the workspace default), its
 * `lint` target comes from the root ESLint config (the @nx/eslint plugin infers it for a project without its own) and
 * its `test` target from its jest.config.cjs.
 */
export function libraryConfiguration(root: string, type: string, scope: string, sharedPreset: boolean): ProjectConfiguration {
  const targets: ProjectConfiguration['targets'] = sharedPreset ? { typecheck: {} } : {};
  return { root, ...(sharedPreset ? {} : { sourceRoot: `${root}/src` }), projectType: 'library', tags: [type, `scope:${scope}`], targets };
}

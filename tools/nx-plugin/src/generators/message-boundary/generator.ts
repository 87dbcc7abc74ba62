import { addProjectConfiguration, formatFiles, generateFiles, joinPathFragments, logger, readJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { basename, join } from 'node:path';
import { UnplaceableEditError } from '../boundary/ast/source-file';
import { editConsumerTargets, libraryConfiguration, updateProjectFile } from '../boundary/generator';
import { withScopeRules } from '../boundary/eslint-scope-rules';
import { withNodeTypesForJest } from '../boundary/jest-config-edits';
import { jestConfigOf, leaveToOwnTarget, withVerifyTarget } from '../boundary/provider-wiring';
import { StagedEdits } from '../boundary/staged-edits';
import { ensureWorkspaceDefaults, libraryLayout } from '../boundary/workspace-defaults';
import { addKitPackages } from '../boundary/workspace-packages';
import { asyncApiRegenerateCommand, writeCommittedAsyncApi } from './committed-async-api';
import { planMessageBoundary, type MessageBoundary } from './message-plan';
import { messageTestingSection } from './message-testing-section';
import { wireConsumer, wirePublisher } from './message-wiring';
import { addMessagingPackages } from './messaging-packages';
import type { MessageBoundaryGeneratorSchema } from './schema';

/**
 * Generates a message boundary between two NestJS apps, as order-service → fulfilment-service has `orders.placed`: the
 * publisher's events contract library (payload schema with its version, pattern, fixtures, queue topology, AsyncAPI
 * document, provider states); in the publisher, its `ClientProxy` in the root module, a publisher service, the committed
 * asyncapi.json and the message pacts' verification in its `verify` target; in the consumer, the `@EventPattern` handler
 * in the root module and the RMQ microservice connected in main.ts, its in-process spec and its message pact. Edits
 * TypeScript through its syntax tree; throws one line, before writing anything, on input it cannot serve.
 */
export async function messageBoundaryGenerator(tree: Tree, options: MessageBoundaryGeneratorSchema): Promise<GeneratorCallback> {
  const b = planMessageBoundary(tree, options);
  if (b.alreadyWired) {
    logger.info(`${b.consumerApp} already consumes ${b.pattern} from ${b.publisherApp} (libs/${b.contract}): nothing to change.`);
    return () => undefined;
  }
  const layout = libraryLayout(tree);
  if (layout === 'lib-ts') throw new Error('A workspace of TypeScript project references is not supported by the message-boundary generator yet: wire the boundary by hand.');
  const edits = new StagedEdits(tree);
  try {
    // Every edit is computed (and may refuse) before the first write.
    wirePublisher(tree, edits, b);
    wireConsumer(tree, edits, b);
    leaveToOwnTarget(tree, edits, b.publisherRoot, {
      pattern: '\\.pact-verify\\.spec\\.ts$',
      sample: 'x.pact-verify.spec.ts',
      why: `Provider verification runs as its own target (\`nx verify ${b.publisherProject}\`), after its consumers' \`contract\`.`,
    });
    const publisherJest = basename(jestConfigOf(tree, b.publisherRoot));
    updateProjectFile(tree, edits, b.publisherRoot, (content) => withVerifyTarget(content, b.publisherRoot, b.consumerProject, b.publisher, publisherJest));
    editConsumerTargets(tree, edits, { ...b, providerApp: b.publisherApp });
    for (const root of [b.publisherRoot, b.consumerRoot]) {
      const tsconfig = joinPathFragments(root, 'tsconfig.json');
      const typed = withNodeTypesForJest(jestConfigOf(tree, root), edits.peek(tsconfig));
      if (typed !== undefined) edits.update(tsconfig, () => typed);
    }
    edits.update('eslint.config.mjs', (content) => withScopeRules(content, b.publisher, b.consumer));
    if (tree.exists('TESTING.md')) edits.update('TESTING.md', (content) => `${content.replace(/\n*$/, '\n')}\n${messageTestingSection(b)}`);
  } catch (error) {
    if (error instanceof UnplaceableEditError) throw new Error(error.message);
    throw error;
  }
  for (const path of createdInApps(b)) {
    if (tree.exists(path)) throw new Error(`${path} already exists: remove it or choose another event.`);
  }
  const paths = withContractPath(tree, b);
  const substitutions = { ...b, event: b.e.name, regenerate: asyncApiRegenerateCommand(b.publisherProject), tmpl: '' };
  const library = `libs/${b.contract}`;
  generateFiles(tree, join(__dirname, '../boundary/files', layout), library, { project: b.contract, libType: 'contract', testingEntry: false, contractDependency: false, tmpl: '' });
  generateFiles(tree, join(__dirname, 'files', 'contract'), library, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'publisher'), b.publisherRoot, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'consumer'), b.consumerRoot, substitutions);
  edits.apply();
  tree.write('tsconfig.base.json', paths);
  const sharedPreset = layout === 'lib';
  ensureWorkspaceDefaults(tree, sharedPreset);
  addProjectConfiguration(tree, b.contract, libraryConfiguration(library, 'type:contract', b.publisher, sharedPreset));
  const added = [...addKitPackages(tree), ...addMessagingPackages(tree)];
  logger.info(`Created libs/${b.contract} with ${b.pattern} (a new events contract library).`);
  if (!tree.exists('TESTING.md')) logger.info('No TESTING.md in the workspace: the test levels are named by the generated specs.');
  if (added.length > 0) logger.info(`Added to package.json: ${added.join(', ')}. Run \`npm install\`.`);
  await formatFiles(tree);
  // The publisher's committed AsyncAPI document is what its new contract says.
  return () => writeCommittedAsyncApi(tree.root, b.publisherProject);
}

export default messageBoundaryGenerator;

/** The files the generator writes into the apps: one that exists already is refused, not overwritten. */
function createdInApps(b: MessageBoundary): string[] {
  const { e } = b;
  return [
    `${b.publisherSourceRoot}/events/${e.name}.publisher.ts`,
    `${b.publisherSourceRoot}/events/${e.name}.tokens.ts`,
    `${b.publisherSourceRoot}/events/${e.name}.client-options.ts`,
    `${b.publisherSourceRoot}/async-api.spec.ts`,
    `${b.publisherSourceRoot}/contract/${b.publisherApp}.messages.pact-verify.spec.ts`,
    `${b.consumerSourceRoot}/events/${e.name}.consumer-options.ts`,
    `${b.consumerSourceRoot}/events/${e.name}.handler.ts`,
    `${b.consumerSourceRoot}/contract/${b.publisherApp}.${e.name}.pact.spec.ts`,
  ];
}

/** tsconfig.base.json with the events contract's import path. */
function withContractPath(tree: Tree, b: MessageBoundary): string {
  const tsconfig = readJson(tree, 'tsconfig.base.json');
  const paths: Record<string, string[]> = (tsconfig.compilerOptions ??= {}).paths ?? {};
  if (paths[b.contractImport]) throw new Error(`tsconfig.base.json already maps ${b.contractImport}: remove it, or generate the events contract by hand.`);
  tsconfig.compilerOptions.paths = { ...paths, [b.contractImport]: [`./libs/${b.contract}/src/index.ts`] };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

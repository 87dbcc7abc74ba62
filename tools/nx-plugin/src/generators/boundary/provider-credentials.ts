import type { Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { appendToArrayLiteral, listsEntry } from './ast/array-literal';
import { readMain } from './ast/root-module';
import { compactText, findAll, parseSource } from './ast/source-file';
import { findValidatedConfig } from './ast/validated-config';
import type { StagedEdits } from './staged-edits';

/** The title of the generated config spec's test that holds only while the provider declares no consumer. */
const CLOSED_WITHOUT_CONSUMERS = 'starts closed in production, having no consumer to accept';

/**
 * Stages `consumer` among the consumers the provider's configuration declares (`consumerCredentialsEnv('<provider>',
 * [..., '<consumer>'])`), so the provider accepts it by its own `<PROVIDER>_TOKENS_<CONSUMER>`; in the config spec the
 * service generator writes, the test of a provider without consumers becomes the production requirement of their sets.
 * Answers whether the configuration has such a call: an app without one keeps its own authentication.
 */
export function declareConsumer(tree: Tree, edits: StagedEdits, sourceRoot: string, providerApp: string, consumer: string): boolean {
  const config = findValidatedConfig(tree, readMain(tree, sourceRoot).main);
  if (config === undefined || consumersArray(config.path, edits.read(config.path), providerApp) === undefined) return false;
  edits.update(config.path, (content) => {
    const array = consumersArray(config.path, content, providerApp) as ts.ArrayLiteralExpression;
    return listsEntry(array, `'${consumer}'`) ? content : appendToArrayLiteral(content, array, `'${consumer}'`);
  });
  const spec = config.path.replace(/\.ts$/, '.spec.ts');
  if (edits.peek(spec) !== undefined) edits.update(spec, (content) => withProductionRequirement(spec, content, config.loader, providerApp, consumer));
  return true;
}

/** The array literal of `consumerCredentialsEnv('<providerApp>', [...])` in the configuration. */
function consumersArray(path: string, content: string, providerApp: string): ts.ArrayLiteralExpression | undefined {
  const call = findAll(parseSource(path, content), ts.isCallExpression).find(
    (node) =>
      compactText(node.expression) === 'consumerCredentialsEnv' &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[0].text === providerApp &&
      node.arguments[1] !== undefined &&
      ts.isArrayLiteralExpression(node.arguments[1]),
  );
  return call?.arguments[1] as ts.ArrayLiteralExpression | undefined;
}

/** The spec with its `it('starts closed in production, …')` replaced by the requirement of the consumer's set. */
function withProductionRequirement(path: string, content: string, loader: string, providerApp: string, consumer: string): string {
  const test = findAll(parseSource(path, content), ts.isExpressionStatement).find((statement) => {
    const call = statement.expression;
    return ts.isCallExpression(call) && compactText(call.expression) === 'it' && ts.isStringLiteral(call.arguments[0]) && call.arguments[0].text === CLOSED_WITHOUT_CONSUMERS;
  });
  if (test === undefined) return content;
  // From its comment on, which speaks of a provider without consumers too.
  const start = ts.getLeadingCommentRanges(content, test.getFullStart())?.[0]?.pos ?? test.getStart();
  const variable = `${constantOf(providerApp)}_TOKENS_${constantOf(consumer)}`;
  const replacement = [
    `it('refuses to start in production without the accepted set of its consumer ${consumer}', () => {`,
    `  expect(() => ${loader}({ NODE_ENV: 'production' })).toThrow(/${variable}\\b.*: is required when NODE_ENV=production/);`,
    '});',
  ].join(`\n${/[ \t]*$/.exec(content.slice(0, start))?.[0] ?? ''}`);
  return `${content.slice(0, start)}${replacement}${content.slice(test.getEnd())}`;
}

function constantOf(app: string): string {
  return app.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

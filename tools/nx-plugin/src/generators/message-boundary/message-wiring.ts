import { joinPathFragments, type Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { withNamedImport } from '../boundary/ast/imports';
import { withModuleEntry } from '../boundary/ast/nest-module';
import { findRootModule, relativeImport } from '../boundary/ast/root-module';
import { compactText, findAll, insertAt, parseSource, UnplaceableEditError, unwrap } from '../boundary/ast/source-file';
import type { StagedEdits } from '../boundary/staged-edits';
import type { MessageBoundary } from './message-plan';

/**
 * Stages the publisher's root module edit: the event's `ClientProxy` registered with `ClientsModule` under its token
 * (options read from the environment when the module is built), and the publisher service among its providers.
 */
export function wirePublisher(tree: Tree, edits: StagedEdits, b: MessageBoundary): void {
  const root = findRootModule(tree, b.publisherSourceRoot);
  const at = (file: string) => relativeImport(root.path, joinPathFragments(b.publisherSourceRoot, 'events', file));
  const { e } = b;
  edits.update(root.path, (content) => {
    let out = withNamedImport(root.path, content, 'ClientsModule', '@nestjs/microservices');
    out = withNamedImport(root.path, out, `${e.constantName}_CLIENT`, at(`${e.name}.tokens.ts`));
    out = withNamedImport(root.path, out, `${e.propertyName}ClientOptions`, at(`${e.name}.client-options.ts`));
    out = withNamedImport(root.path, out, `${e.className}Publisher`, at(`${e.name}.publisher.ts`));
    // Closed by ClientsModule when the app shuts down; connects on the first emit, so the app starts without a broker.
    const client = `ClientsModule.registerAsync([{ name: ${e.constantName}_CLIENT, useFactory: () => ${e.propertyName}ClientOptions(process.env) }])`;
    out = withModuleEntry(root.path, out, root, 'imports', client);
    return withModuleEntry(root.path, out, root, 'providers', `${e.className}Publisher`);
  });
}

/**
 * Stages the consumer's edits: the handler's controller and its handler in the root module, and the RMQ microservice
 * connected in main.ts (before `app.listen(...)`) and started after it.
 */
export function wireConsumer(tree: Tree, edits: StagedEdits, b: MessageBoundary): void {
  const root = findRootModule(tree, b.consumerSourceRoot);
  const at = (from: string, file: string) => relativeImport(from, joinPathFragments(b.consumerSourceRoot, 'events', file));
  const { e } = b;
  edits.update(root.path, (content) => {
    let out = withNamedImport(root.path, content, `${e.className}Consumer`, at(root.path, `${e.name}.consumer.ts`));
    out = withNamedImport(root.path, out, `${e.className}Handler`, at(root.path, `${e.name}.handler.ts`));
    out = withModuleEntry(root.path, out, root, 'controllers', `${e.className}Consumer`);
    return withModuleEntry(root.path, out, root, 'providers', `${e.className}Handler`);
  });
  const options = at(root.mainPath, `${e.name}.consumer-options.ts`);
  edits.update(root.mainPath, (content) => withConsumerConnected(root.mainPath, content, b, options));
}

/**
 * main.ts with `connect<Event>Consumer(app, process.env)` before the statement calling `app.listen(...)` on the app
 * `NestFactory.create` made, and `start<Event>Consumer(app)` after it unless main.ts starts its microservices already.
 * Refuses, naming what it looked for, a main.ts of another shape.
 */
export function withConsumerConnected(path: string, content: string, b: MessageBoundary, optionsImport: string): string {
  const source = parseSource(path, content);
  const create = findAll(source, ts.isCallExpression).find((call) => compactText(call.expression).startsWith('NestFactory.create'));
  let declaration: ts.Node | undefined = create;
  while (declaration !== undefined && !ts.isVariableDeclaration(declaration)) declaration = declaration.parent;
  if (declaration === undefined || !ts.isIdentifier(declaration.name)) {
    throw new UnplaceableEditError(path, '`const app = await NestFactory.create(...)`, which the message consumer is connected to');
  }
  const app = declaration.name.text;
  const listen = findAll(source, ts.isExpressionStatement).find((statement) => {
    const call = unwrapAwait(statement.expression);
    return ts.isCallExpression(call) && compactText(call.expression) === `${app}.listen`;
  });
  if (listen === undefined) throw new UnplaceableEditError(path, `\`await ${app}.listen(...)\` statement after NestFactory.create`);
  const { e } = b;
  const lineStart = content.lastIndexOf('\n', listen.getStart()) + 1;
  const indent = /^[ \t]*/.exec(content.slice(lineStart))?.[0] ?? '';
  const starts = content.includes('startAllMicroservices');
  let out = content;
  if (!starts) out = insertAt(out, listen.getEnd(), `\n${indent}start${e.className}Consumer(${app});`);
  out = insertAt(out, lineStart, `${indent}// Hybrid: the HTTP API and the ${b.pattern} consumer in one process.\n${indent}connect${e.className}Consumer(${app}, process.env);\n`);
  out = withNamedImport(path, out, `connect${e.className}Consumer`, optionsImport);
  return starts ? out : withNamedImport(path, out, `start${e.className}Consumer`, optionsImport);
}

function unwrapAwait(expression: ts.Expression): ts.Expression {
  const inner = unwrap(expression);
  return ts.isAwaitExpression(inner) ? unwrap(inner.expression) : inner;
}

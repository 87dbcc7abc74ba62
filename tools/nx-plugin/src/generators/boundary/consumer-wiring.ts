import { joinPathFragments, type Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { withNamedImport } from './ast/imports';
import { interfaceNamed, withPickedKey } from './ast/interface-members';
import { withModuleEntry } from './ast/nest-module';
import { insertPropertyAfter } from './ast/object-literal';
import { findRootModule, readMain, relativeImport, type RootModule } from './ast/root-module';
import { compactText, findAll, initializerOf, parseSource, propertyOf, unwrap } from './ast/source-file';
import { findTestApp, type TestApp } from './ast/test-app';
import { findValidatedConfig, type ValidatedConfig } from './ast/validated-config';
import { withClientConfig, withClientConfigSpec, type ClientConfig } from './config-edits';
import type { StagedEdits } from './staged-edits';

/** How the consumer was wired, for the files the generator writes beside the edits. */
export interface ConsumerWiring {
  /** Where the consumer's root module is (generated test apps import it). */
  root: RootModule;
  /** The app's own test app, or `undefined` when the generator writes one. */
  testApp?: TestApp;
  /** Whether the client reads its options through a loader the generator writes (the app has no validated config). */
  ownLoader: boolean;
}

/**
 * Stages the edits that put the provider's client into the consumer's root module, with its options from the app's
 * validated configuration when it has one (extended with the provider's variables), else through `forRootAsync` and a
 * small loader of its own (written by the generator).
 */
export function wireConsumer(tree: Tree, edits: StagedEdits, sourceRoot: string, app: string, c: ClientConfig): ConsumerWiring {
  const root = findRootModule(tree, sourceRoot);
  const { main } = readMain(tree, sourceRoot);
  const config = findValidatedConfig(tree, main);
  const module = `${c.p.className}ClientModule`;
  const testApp = findTestApp(tree, sourceRoot, app);
  const access = config === undefined ? undefined : optionsAccess(edits, root, config, c.property);
  if (config !== undefined && access !== undefined) {
    edits.update(root.path, (content) => {
      let out = withNamedImport(root.path, content, module, c.clientImport);
      out = withNamedImport(root.path, out, 'currentRequestId', '@boundary/service-kit');
      out = withNamedImport(root.path, out, 'currentDeadlineAt', '@boundary/service-kit');
      // The request id and what is left of the served request's budget go with every call (README, "Budgets").
      const context = 'requestId: currentRequestId, deadlineAt: currentDeadlineAt';
      const entry = `${module}.forRoot({ ...${access.parameter}.${c.property}, ${context}, isGlobal: true })`;
      return withModuleEntry(root.path, out, root, 'imports', entry);
    });
    edits.update(config.path, (content) => withClientConfig(content, config, c));
    const spec = config.path.replace(/\.ts$/, '.spec.ts');
    if (edits.peek(spec) !== undefined) edits.update(spec, (content) => withClientConfigSpec(spec, content, config.loader, c));
    passOptions(tree, edits, sourceRoot, root, config, access.index, c.property);
    return { root, testApp, ownLoader: false };
  }
  const loaderPath = joinPathFragments(sourceRoot, 'config', `${c.p.name}-client.config.ts`);
  edits.update(root.path, (content) => {
    let out = withNamedImport(root.path, content, module, c.clientImport);
    out = withNamedImport(root.path, out, `load${c.p.className}ClientConfig`, relativeImport(root.path, loaderPath));
    const entry = `${module}.forRootAsync({ useFactory: () => load${c.p.className}ClientConfig(process.env), isGlobal: true })`;
    return withModuleEntry(root.path, out, root, 'imports', entry);
  });
  return { root, testApp, ownLoader: true };
}

/**
 * How the root module's `forRoot` reaches the configuration: its parameter typed as the configuration, or as an
 * options interface picking from it (which then picks the client's options too). `undefined` when neither.
 */
function optionsAccess(edits: StagedEdits, root: RootModule, config: ValidatedConfig, property: string): { parameter: string; index: number } | undefined {
  if (root.method === undefined) return undefined;
  const source = parseSource(root.path, edits.read(root.path));
  const declaration = findAll(source, ts.isClassDeclaration).find((node) => node.name?.text === root.className);
  const method = declaration?.members.find(
    (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === root.method,
  );
  for (const [index, parameter] of (method?.parameters ?? []).entries()) {
    const type = parameter.type;
    if (type === undefined || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(parameter.name)) continue;
    const typeName = type.typeName.getText();
    if (typeName === config.configType) return { parameter: parameter.name.text, index };
    const options = findAll(source, ts.isInterfaceDeclaration).find((node) => node.name.text === typeName);
    if (options === undefined) continue;
    const picked = withPickedKey(edits.read(root.path), options, config.configType, property);
    if (picked === undefined) continue;
    edits.update(root.path, () => picked);
    return { parameter: parameter.name.text, index };
  }
  return undefined;
}

/**
 * Where main.ts or a test app passes the root module's options field by field (`forRoot({ serviceToken:
 * config.serviceToken, logger })`), adds the client's: main.ts from its configuration, a test app from the
 * configuration's defaults. One that passes the whole configuration (`{ ...config, logger }`) needs nothing.
 */
function passOptions(tree: Tree, edits: StagedEdits, sourceRoot: string, root: RootModule, config: ValidatedConfig, index: number, property: string): void {
  const keys = configKeys(edits, config);
  const call = `${root.className}.${root.method}(`;
  const files = [root.mainPath, ...appFiles(tree, sourceRoot)].filter((path) => (edits.peek(path) ?? '').includes(call));
  for (const path of files) {
    const isMain = path === root.mainPath;
    if (isMain && config.mainVariable === undefined) continue;
    const value = isMain ? `${config.mainVariable}.${property}` : `${config.loader}({}).${property}`;
    edits.update(path, (content) => {
      let out = content;
      for (let object = fieldByField(path, out, call, index, property); object !== undefined; object = fieldByField(path, out, call, index, property)) {
        const after = [...object.properties].reverse().find((element) => element.name !== undefined && keys.has(element.name.getText()));
        out = insertPropertyAfter(out, object, after, `${property}: ${value}`);
        if (!isMain) out = withNamedImport(path, out, config.loader, relativeImport(path, config.path));
      }
      return out;
    });
  }
}

/** The first options object passed to `call` field by field (no spread) that lacks `property`, in `path`. */
function fieldByField(path: string, content: string, call: string, index: number, property: string): ts.ObjectLiteralExpression | undefined {
  const source = parseSource(path, content);
  for (const node of findAll(source, ts.isCallExpression)) {
    if (`${compactText(node.expression)}(` !== call || node.arguments[index] === undefined) continue;
    let argument: ts.Expression | undefined = unwrap(node.arguments[index]);
    if (ts.isIdentifier(argument)) argument = initializerOf(source, argument.text);
    if (argument === undefined || !ts.isObjectLiteralExpression(argument)) continue;
    if (argument.properties.some(ts.isSpreadAssignment) || propertyOf(argument, property)) continue;
    if (argument.properties.some((element) => element.name?.getText() === property)) continue;
    return argument;
  }
  return undefined;
}

/** The names of the configuration interface's members. */
function configKeys(edits: StagedEdits, config: ValidatedConfig): Set<string> {
  const declaration = interfaceNamed(parseSource(config.path, edits.read(config.path)), config.configType);
  return new Set(declaration.members.map((member) => member.name?.getText() ?? ''));
}

/** The app's own non-spec TypeScript files (a test app among them), main.ts excepted. */
function appFiles(tree: Tree, sourceRoot: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const child of tree.children(dir)) {
      const path = joinPathFragments(dir, child);
      if (tree.isFile(path)) {
        if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('/main.ts')) found.push(path);
      } else visit(path);
    }
  };
  visit(sourceRoot);
  return found;
}

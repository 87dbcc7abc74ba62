import { joinPathFragments, type Tree } from '@nx/devkit';
import { dirname } from 'node:path/posix';
import * as ts from 'typescript';
import { importPathOf } from './imports';
import { compactText, findAll, initializerOf, parseSource, UnplaceableEditError, unwrap } from './source-file';

/** An app's root module as its main.ts starts it. */
export interface RootModule {
  /** The file declaring the module class. */
  path: string;
  className: string;
  /** The static method main.ts calls (`forRoot`), or `undefined` when it passes the class itself. */
  method?: string;
  /** main.ts, and its `NestFactory.create(...)` first argument (the root module or its `forRoot(...)` call). */
  mainPath: string;
  created: ts.Expression;
}

/** The app's main.ts, or a refusal naming the file it looked for. */
export function readMain(tree: Tree, sourceRoot: string): { mainPath: string; main: ts.SourceFile } {
  const mainPath = joinPathFragments(sourceRoot, 'main.ts');
  const content = tree.read(mainPath, 'utf8');
  if (content === null) throw UnplaceableEditError.missing(mainPath, 'the generator finds the root module from the NestFactory.create call in main.ts');
  return { mainPath, main: parseSource(mainPath, content) };
}

/**
 * Follows `NestFactory.create(X)`, `NestFactory.create(X.forRoot(...))` or `NestFactory.create<App>(X, adapter)` in the
 * app's main.ts to the class X and the file declaring it (imported relatively, or main.ts itself).
 */
export function findRootModule(tree: Tree, sourceRoot: string): RootModule {
  const { mainPath, main } = readMain(tree, sourceRoot);
  const create = findAll(main, ts.isCallExpression).find((call) => compactText(call.expression) === 'NestFactory.create');
  const created = create?.arguments[0] === undefined ? undefined : unwrap(create.arguments[0]);
  let className: string | undefined;
  let method: string | undefined;
  if (created !== undefined && ts.isIdentifier(created)) className = created.text;
  if (created !== undefined && ts.isCallExpression(created) && ts.isPropertyAccessExpression(created.expression)) {
    const target = created.expression.expression;
    if (ts.isIdentifier(target)) [className, method] = [target.text, created.expression.name.text];
  }
  if (created === undefined || className === undefined) {
    throw new UnplaceableEditError(mainPath, 'NestFactory.create(RootModule) or NestFactory.create(RootModule.forRoot(...)) call');
  }
  const from = importPathOf(main, className);
  if (from !== undefined && !from.startsWith('.')) {
    throw new UnplaceableEditError(mainPath, `${className} imported from the app's own files (it comes from ${from})`);
  }
  const path = from === undefined ? mainPath : resolveRelative(tree, dirname(mainPath), from);
  return { path, className, method, mainPath, created };
}

/** The .ts file a relative import names: `./x` is `./x.ts` or `./x/index.ts`. */
export function resolveRelative(tree: Tree, fromDir: string, specifier: string): string {
  const base = joinPathFragments(fromDir, specifier);
  const candidates = [`${base}.ts`, joinPathFragments(base, 'index.ts'), base];
  const found = candidates.find((candidate) => tree.isFile(candidate));
  if (found === undefined) throw UnplaceableEditError.missing(`${base}.ts`, 'the app imports it');
  return found;
}

/** The relative import path from the file `from` to the .ts file `to`, without its extension (`./config/x.config`). */
export function relativeImport(from: string, to: string): string {
  const fromParts = dirname(from).split('/');
  const toParts = to.replace(/\.ts$/, '').split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/**
 * The prefix main.ts sets on every route (`app.setGlobalPrefix('api')`, as `@nx/nest:application` writes it, the
 * argument a string or a constant holding one), or `undefined`. A consumer's default URL for the app includes it.
 */
export function globalPrefixOf(main: ts.SourceFile): string | undefined {
  const call = findAll(main, ts.isCallExpression).find(
    (node) => ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'setGlobalPrefix',
  );
  const argument = call?.arguments[0] === undefined ? undefined : unwrap(call.arguments[0]);
  const value = argument !== undefined && ts.isIdentifier(argument) ? initializerOf(main, argument.text) : argument;
  return value !== undefined && ts.isStringLiteralLike(value) && value.text.replace(/^\/+|\/+$/g, '') !== ''
    ? value.text.replace(/^\/+|\/+$/g, '')
    : undefined;
}

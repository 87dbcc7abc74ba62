import type { Tree } from '@nx/devkit';
import { dirname } from 'node:path/posix';
import * as ts from 'typescript';
import { importPathOf } from './imports';
import { resolveRelative } from './root-module';
import { compactText, findAll, parseSource, unwrap } from './source-file';

/** An app's validated configuration: a loader main.ts calls with `process.env`, which parses it with `parseEnv`. */
export interface ValidatedConfig {
  /** The file declaring the loader. */
  path: string;
  /** `loadShopServiceConfig`. */
  loader: string;
  /** The loader's return type, an interface of that file: `ShopServiceConfig`. */
  configType: string;
  /** The variable main.ts keeps the configuration in (`config`), if it keeps it in one. */
  mainVariable?: string;
}

/**
 * The configuration main.ts loads through service-kit's `parseEnv`, as the service generator writes it, or
 * `undefined` when the app reads its environment another way (an app made by `@nx/nest:application`).
 */
export function findValidatedConfig(tree: Tree, main: ts.SourceFile): ValidatedConfig | undefined {
  for (const call of findAll(main, ts.isCallExpression)) {
    if (!ts.isIdentifier(call.expression) || call.arguments.length !== 1 || call.arguments[0].getText() !== 'process.env') continue;
    const loader = call.expression.text;
    const from = importPathOf(main, loader);
    if (from === undefined || !from.startsWith('.')) continue;
    const path = resolveRelative(tree, dirname(main.fileName), from);
    const source = parseSource(path, tree.read(path, 'utf8') ?? '');
    const declaration = loaderDeclaration(source, loader);
    const type = declaration?.type;
    if (declaration === undefined || type === undefined || !ts.isTypeReferenceNode(type)) continue;
    if (parseEnvCall(declaration) === undefined) continue;
    const variable = findAll(main, ts.isVariableDeclaration).find((d) => d.initializer !== undefined && unwrap(d.initializer) === call);
    return {
      path,
      loader,
      configType: type.typeName.getText(),
      mainVariable: variable !== undefined && ts.isIdentifier(variable.name) ? variable.name.text : undefined,
    };
  }
  return undefined;
}

/** The loader function `name` declared in `source`. */
export function loaderDeclaration(source: ts.SourceFile, name: string): ts.FunctionDeclaration | undefined {
  return findAll(source, ts.isFunctionDeclaration).find((node) => node.name?.text === name);
}

/** The loader's `parseEnv(Schema, env, ...)` call. */
export function parseEnvCall(loader: ts.FunctionDeclaration): ts.CallExpression | undefined {
  return findAll(loader, ts.isCallExpression).find((call) => compactText(call.expression) === 'parseEnv' && call.arguments.length > 0);
}

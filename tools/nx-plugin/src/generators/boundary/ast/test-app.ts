import { joinPathFragments, names, type Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { findAll, parseSource } from './source-file';

/** An app's test app, as the service generator writes it (`src/<app>.test-app.ts`) or the boundary generator does. */
export interface TestApp {
  /** `src/<app>.test-app.ts`. */
  path: string;
  /** Its start function: `startShopServiceTestApp`. */
  start: string;
  /** Whether the start function needs no argument, as the generated specs call it. */
  startsBare: boolean;
}

/** The app's test app, or `undefined` when it has none (an app made by `@nx/nest:application`). */
export function findTestApp(tree: Tree, sourceRoot: string, app: string): TestApp | undefined {
  const path = joinPathFragments(sourceRoot, `${app}.test-app.ts`);
  const start = `start${names(app).className}TestApp`;
  const content = tree.read(path, 'utf8');
  if (content === null) return undefined;
  const declaration = findAll(parseSource(path, content), ts.isFunctionDeclaration).find((node) => node.name?.text === start);
  const startsBare =
    declaration !== undefined && declaration.parameters.every((parameter) => parameter.questionToken !== undefined || parameter.initializer !== undefined);
  return { path, start, startsBare };
}

import { addDependenciesToPackageJson, readJson, type Tree } from '@nx/devkit';
import { BOUNDARY_VERSION, KIT_DEPENDENCIES, KIT_DEV_DEPENDENCIES, PEER_DEPENDENCIES, PEER_DEV_DEPENDENCIES } from './versions';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** What the workspace's root package.json lists, dependencies and devDependencies together. */
function listed(tree: Tree): Record<string, string> {
  const json = tree.exists('package.json') ? readJson<PackageJson>(tree, 'package.json') : {};
  return { ...json.dependencies, ...json.devDependencies };
}

/** The import paths the workspace maps to its own source (tsconfig.base.json paths): the kit's repository maps its own. */
function mappedPaths(tree: Tree): Set<string> {
  if (!tree.exists('tsconfig.base.json')) return new Set();
  const paths = readJson<{ compilerOptions?: { paths?: Record<string, unknown> } }>(tree, 'tsconfig.base.json').compilerOptions?.paths;
  return new Set(Object.keys(paths ?? {}));
}

/** Whether the workspace has `name` installed: the provider's controller decorates its route for Swagger only then. */
export function hasPackage(tree: Tree, name: string): boolean {
  return listed(tree)[name] !== undefined;
}

/**
 * Adds to the root package.json what the generated code imports and the workspace lacks: the kit's packages at this
 * plugin's version (unless the workspace maps them to source), their peers at the versions the kit is tested with.
 * A version the workspace lists already is left as it is. Answers the names added; `npm install` fetches them.
 */
export function addKitPackages(tree: Tree): string[] {
  const present = listed(tree);
  const mapped = mappedPaths(tree);
  const missing = (versions: Record<string, string>) =>
    Object.fromEntries(Object.entries(versions).filter(([name]) => present[name] === undefined && !mapped.has(name)));
  const kit = (names: string[]) => Object.fromEntries(names.map((name) => [name, BOUNDARY_VERSION]));
  const dependencies = missing({ ...kit(KIT_DEPENDENCIES), ...PEER_DEPENDENCIES });
  const devDependencies = missing({ ...kit(KIT_DEV_DEPENDENCIES), ...PEER_DEV_DEPENDENCIES });
  const added = [...Object.keys(dependencies), ...Object.keys(devDependencies)];
  // The returned install task is not run: the user runs `npm install`, as the README's adoption steps say.
  if (added.length > 0) addDependenciesToPackageJson(tree, dependencies, devDependencies, undefined, true);
  return added;
}

import { addDependenciesToPackageJson, joinPathFragments, readJson, updateJson, type Tree } from '@nx/devkit';
import type { Boundary } from './boundary-plan';
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

/**
 * In a workspace of TypeScript project references the libraries are workspace packages: the root package.json's
 * workspaces and tsconfig.json's references include them, and each app lists the ones it imports (npm links them at
 * `npm install`; `nx sync` then references them from the apps' tsconfigs).
 */
export function asWorkspacePackages(tree: Tree, b: Boundary): void {
  const contract = `@boundary/${b.provider}-contract`;
  const client = `@boundary/${b.provider}-client`;
  updateJson<{ workspaces?: string[] }>(tree, 'package.json', (json) => {
    const workspaces = json.workspaces ?? [];
    return workspaces.includes('libs/*') ? json : { ...json, workspaces: [...workspaces, 'libs/*'] };
  });
  updateJson<{ references?: { path: string }[] }>(tree, 'tsconfig.json', (json) => {
    const references = json.references ?? [];
    const missing = [`./libs/${b.provider}-contract`, `./libs/${b.provider}-client`].filter((path) => !references.some((r) => r.path === path));
    return { ...json, references: [...references, ...missing.map((path) => ({ path }))] };
  });
  const dependOn = (root: string, packages: string[]) =>
    updateJson<{ dependencies?: Record<string, string> }>(tree, joinPathFragments(root, 'package.json'), (json) => ({
      ...json,
      dependencies: { ...json.dependencies, ...Object.fromEntries(packages.map((name) => [name, json.dependencies?.[name] ?? '*'])) },
    }));
  dependOn(b.providerRoot, [contract]);
  dependOn(b.consumerRoot, [contract, client]);
}

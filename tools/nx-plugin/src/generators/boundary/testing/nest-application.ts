import { addProjectConfiguration, generateFiles, type Tree } from '@nx/devkit';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const workspaceRoot = join(__dirname, '../../../../../..');

/**
 * An app as `nx g @nx/nest:application apps/<name>` writes it — its main.ts, AppModule, controller and service from
 * @nx/nest's own templates — with the three-line jest.config.cjs the toolchain's P4 replaces its config with. (The
 * generator itself installs a formatter and edits package.json, which a virtual tree cannot do quickly.)
 */
export function addNestApplication(tree: Tree, name: string): void {
  const templates = join(dirname(require.resolve('@nx/nest/package.json')), 'dist/src/generators/application/files/common');
  generateFiles(tree, templates, `apps/${name}/src`, { tmpl: '' });
  tree.write(
    `apps/${name}/jest.config.cjs`,
    `module.exports = {\n  displayName: '${name}',\n  preset: '../../jest.preset.js',\n  coverageDirectory: '../../coverage/apps/${name}',\n};\n`,
  );
  addProjectConfiguration(tree, name, { root: `apps/${name}`, sourceRoot: `apps/${name}/src`, projectType: 'application', tags: [], targets: {} });
}

/** The repository's own copy of `path`, written into the tree: the real User and Order Services, as committed. */
export function copyFromWorkspace(tree: Tree, path: string): void {
  tree.write(path, readFileSync(join(workspaceRoot, path), 'utf8'));
}

/** Every file of the repository's app `app` (its project.json among them), copied into the tree. */
export function copyAppFromWorkspace(tree: Tree, app: string): void {
  const root = join(workspaceRoot, 'apps', app);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) copyFromWorkspace(tree, relative(workspaceRoot, join(entry.parentPath, entry.name)));
  }
}

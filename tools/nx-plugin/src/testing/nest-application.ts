import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** @nx/nest 23.2.1's application templates: main.ts, AppModule, its controller and service. */
export const NEST_APPLICATION_TEMPLATES = join(dirname(require.resolve('@nx/nest/package.json')), 'dist/src/generators/application/files/common');

/**
 * The files `nx g @nx/nest:application apps/<name>` writes for an app, as `{ path: content }`: its sources from @nx/nest's
 * own templates, a tsconfig and a project.json, and the three-line jest.config.cjs the toolchain's P4 replaces its
 * ts-jest config with. (The generator itself installs a formatter and edits package.json: too slow for a test.)
 */
export function nestApplicationFiles(name: string): Record<string, string> {
  const root = `apps/${name}`;
  const files: Record<string, string> = {};
  for (const entry of readdirSync(NEST_APPLICATION_TEMPLATES, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(NEST_APPLICATION_TEMPLATES, join(entry.parentPath, entry.name)).replace(/__tmpl__$/, '');
    files[`${root}/src/${path}`] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  files[`${root}/jest.config.cjs`] =
    `module.exports = {\n  displayName: '${name}',\n  preset: '../../jest.preset.js',\n  coverageDirectory: '../../coverage/${root}',\n};\n`;
  files[`${root}/tsconfig.json`] = `${JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { module: 'commonjs', moduleResolution: 'node10', types: ['jest', 'node'] },
      include: ['src/**/*.ts'],
    },
    null,
    2,
  )}\n`;
  files[`${root}/project.json`] = `${JSON.stringify(
    { name, $schema: '../../node_modules/nx/schemas/project-schema.json', sourceRoot: `${root}/src`, projectType: 'application', tags: [], targets: { typecheck: {} } },
    null,
    2,
  )}\n`;
  return files;
}

/** Writes `nestApplicationFiles(name)` under the workspace folder `workspace`. */
export function writeNestApplication(workspace: string, name: string): void {
  for (const [path, content] of Object.entries(nestApplicationFiles(name))) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
}

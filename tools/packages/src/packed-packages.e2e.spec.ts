import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedPackages, readJson, workspaceRoot, type PublishedPackage } from './published-packages';

// Each package is checked as a user receives it: `npm pack` of its built folder (nx run-many -t build first; this
// target depends on the builds), then installed into a folder of its own whose other packages come from the workspace.
const packages = publishedPackages();
const scratch = join(workspaceRoot, 'tmp/packed-packages');
const installRoot = join(scratch, 'node_modules');
const tarballs = new Map<string, string>();

/** A CLI's entry file, read from its package.json: publint and attw are ESM-only, so they run as child processes. */
function cliEntry(packageName: string, bin: string): string {
  const manifest = readJson<{ bin: Record<string, string> }>(join(workspaceRoot, 'node_modules', packageName, 'package.json'));
  return join(workspaceRoot, 'node_modules', packageName, manifest.bin[bin]);
}

function run(file: string, args: string[], cwd = scratch): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs `script` in a fresh Node process in the install folder, where `require('@boundary/…')` finds the tarballs. */
function nodeInInstallFolder(script: string): string {
  return execFileSync(process.execPath, ['-e', script], { cwd: scratch, encoding: 'utf8' });
}

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(installRoot, { recursive: true });
  for (const p of packages) {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: join(workspaceRoot, p.dist), encoding: 'utf8' }),
    ) as { filename: string }[];
    const tarball = join(scratch, packed[0].filename);
    tarballs.set(p.manifest.name, tarball);
    const installed = join(installRoot, p.manifest.name);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  }
});

const cases = packages.map((p) => [p.manifest.name, p] as const);

describe('each packed package', () => {
  it.each(cases)('%s: publint reports nothing, suggestions included', (name) => {
    const { status, output } = run(cliEntry('publint', 'publint'), ['run', tarballs.get(name) as string, '--strict', '--level', 'suggestion']);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('All good!') });
  });

  it.each(cases)('%s: attw finds no type problem for node10, node16 (CJS and ESM) or bundlers', (name) => {
    const { status, output } = run(cliEntry('@arethetypeswrong/cli', 'attw'), [tarballs.get(name) as string, '--format', 'json']);
    const report = JSON.parse(output) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect({ status, problems: report.analysis.problems }).toEqual({ status: 0, problems: [] });
  });

  it.each(cases)('%s: every entry point loads in Node from the installed tarball', (_name, p: PublishedPackage) => {
    const entryPoints = Object.keys(p.manifest.exports ?? {})
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => p.manifest.name + subpath.slice(1));
    const loaded = nodeInInstallFolder(
      `const entries = ${JSON.stringify(entryPoints)};
       process.stdout.write(JSON.stringify(entries.map((e) => [e, Object.keys(require(e)).length])));`,
    );
    for (const [entry, exportCount] of JSON.parse(loaded) as [string, number][]) {
      expect({ entry, exported: exportCount > 0 }).toEqual({ entry, exported: true });
    }
  });
});

describe('@boundary/service-kit/http, packed', () => {
  it('loads neither Fastify, Terminus, Swagger nor nestjs-pino', () => {
    const loaded = JSON.parse(
      nodeInInstallFolder(`require('@boundary/service-kit/http');
        const names = Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/(?!.*node_modules)/.exec(f)?.[1]);
        process.stdout.write(JSON.stringify([...new Set(names.filter(Boolean))]));`),
    ) as string[];
    expect(loaded).toEqual(expect.arrayContaining(['@boundary/service-kit', '@nestjs/common']));
    expect(loaded.filter((name) => /^(fastify|@fastify\/|@nestjs\/(platform-fastify|terminus|swagger)|nestjs-pino|pino)/.test(name))).toEqual([]);
  });
});

describe('@boundary/nx-plugin, packed', () => {
  it('holds every generator generators.json names, with its schema and templates', () => {
    const pluginRoot = join(installRoot, '@boundary/nx-plugin');
    const collection = readJson<{ generators: Record<string, { factory: string; schema: string }> }>(join(pluginRoot, 'generators.json'));
    const found = nodeInInstallFolder(
      `const { existsSync } = require('node:fs'); const { dirname, join } = require('node:path');
       const generators = ${JSON.stringify(collection.generators)};
       process.stdout.write(JSON.stringify(Object.entries(generators).map(([name, g]) => {
         const factory = require(join(${JSON.stringify(pluginRoot)}, g.factory));
         const dir = dirname(join(${JSON.stringify(pluginRoot)}, g.factory));
         return [name, Object.values(factory).some((f) => typeof f === 'function'),
           existsSync(join(${JSON.stringify(pluginRoot)}, g.schema)), existsSync(join(dir, 'files'))];
       })));`,
    );
    expect(JSON.parse(found)).toEqual(Object.keys(collection.generators).map((name) => [name, true, true, true]));
  });
});

describe('the packed type declarations', () => {
  it('type-check every entry point under node10 resolution (this workspace’s), through typesVersions', () => {
    const imports = packages.flatMap((p) =>
      Object.keys(p.manifest.exports ?? {})
        .filter((subpath) => !subpath.endsWith('.json'))
        .map((subpath, i) => `import * as entry${p.project.replace(/\W/g, '')}${i} from '${p.manifest.name}${subpath.slice(1)}';`),
    );
    const names = imports.map((line) => /import \* as (\w+)/.exec(line)?.[1]);
    writeFileSync(join(scratch, 'consumer.ts'), `${imports.join('\n')}\nexport const used = [${names.join(', ')}];\n`);
    const tsc = join(workspaceRoot, 'node_modules/typescript/bin/tsc');
    const { status, output } = run(tsc, [
      '--noEmit', '--strict', '--skipLibCheck', '--module', 'commonjs', '--moduleResolution', 'node10', '--target', 'es2021',
      '--experimentalDecorators', '--types', 'node', 'consumer.ts',
    ]);
    expect({ status, output }).toEqual({ status: 0, output: '' });
    expect(readFileSync(join(scratch, 'consumer.ts'), 'utf8')).toContain("from '@boundary/testing/pact'");
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');
const FASTIFY_ONLY = ['fastify', '@nestjs/platform-fastify', '@nestjs/terminus', '@nestjs/swagger', 'nestjs-pino', 'pino'];

/** The packages of FASTIFY_ONLY that `entry` loads, required in a fresh Node process (Jest's registry is not Node's). */
function fastifyOnlyPackagesLoadedBy(entry: string): string[] {
  const script = `
    require(process.argv[1]);
    const loaded = new Set();
    for (const file of Object.keys(require.cache)) {
      const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file.split(require('node:path').sep).join('/'));
      if (match) loaded.add(match[1]);
    }
    process.stdout.write(JSON.stringify([...loaded]));`;
  const stdout = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script, join(__dirname, entry)], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../tsconfig.lib.json') },
    encoding: 'utf8',
  });
  const loaded: string[] = JSON.parse(stdout);
  return FASTIFY_ONLY.filter((name) => loaded.includes(name));
}

describe('@boundary/service-kit/http', () => {
  it('loads neither Fastify, Terminus, Swagger nor nestjs-pino, so a plain Nest app can use it', () => {
    expect(fastifyOnlyPackagesLoadedBy('http.ts')).toEqual([]);
  });

  it('is re-exported whole by the main entry point', async () => {
    const [light, main] = await Promise.all([import('./http'), import('./index')]);
    expect(Object.keys(main)).toEqual(expect.arrayContaining(Object.keys(light)));
  });
});

describe('@boundary/service-kit (the main entry point)', () => {
  it('loads the Fastify stack, so the check above does see what an entry point loads', () => {
    // Terminus loads lazily, when a readiness check is first built.
    expect(fastifyOnlyPackagesLoadedBy('index.ts')).toEqual(
      expect.arrayContaining(['fastify', '@nestjs/platform-fastify', '@nestjs/swagger', 'nestjs-pino', 'pino']),
    );
  });
});

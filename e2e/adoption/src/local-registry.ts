import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** A Verdaccio the test started, serving the @boundary scope from its own storage. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /**
   * An npm user config holding a token for this registry (any token: it lets everyone publish), so that publishing
   * needs no `npm login` and the user's ~/.npmrc is never written.
   */
  userConfig: string;
  stop(): Promise<void>;
}

const STARTED = /http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Starts the workspace's `adoption-e2e:local-registry` target (Nx's `@nx/js:verdaccio` executor, `location: none`,
 * storage cleared) and resolves once Verdaccio prints its address; rejects with its output if it exits first.
 */
export function startLocalRegistry(): Promise<LocalRegistry> {
  const nx = join(WORKSPACE_ROOT, 'node_modules/nx/dist/bin/nx.js');
  const child = spawn(process.execPath, [nx, 'run', 'adoption-e2e:local-registry'], {
    cwd: WORKSPACE_ROOT,
    // Its own process group: stopping it stops Verdaccio, which the executor forks.
    detached: true,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const started = STARTED.exec(output);
      if (!started) return;
      child.stdout.off('data', onOutput);
      const url = `http://127.0.0.1:${started[1]}/`;
      const configDir = mkdtempSync(join(tmpdir(), 'local-registry-npmrc-'));
      const userConfig = join(configDir, '.npmrc');
      writeFileSync(userConfig, `//127.0.0.1:${started[1]}/:_authToken=adoption-e2e\n`);
      resolve({
        url,
        userConfig,
        stop: async () => {
          await stop();
          rmSync(configDir, { recursive: true, force: true });
        },
      });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the local registry exited (${code}) before it listened:\n${output}`)));
  });
}

import { execFileSync } from 'node:child_process';

/** The environment variable that makes a publisher's async-api spec write its committed document instead of comparing. */
export const UPDATE_ASYNCAPI = 'UPDATE_ASYNCAPI';

const testArguments = (app: string) => ['nx', 'test', app, '--testPathPatterns=async-api.spec', '--skip-nx-cache'];

/** The command that rewrites `<publisher>/asyncapi.json` from its events contract (written once; the spec names it). */
export function asyncApiRegenerateCommand(app: string): string {
  return `${UPDATE_ASYNCAPI}=true npx ${testArguments(app).join(' ')}`;
}

/**
 * Writes the publisher's asyncapi.json by running its async-api spec once: the document is what the contract's zod
 * schema gives as JSON Schema, which is computed by zod, not by a template. Run after the generator wrote its files.
 */
export function writeCommittedAsyncApi(workspaceRoot: string, app: string): void {
  execFileSync('npx', [...testArguments(app), '--output-style=static'], {
    cwd: workspaceRoot,
    env: { ...process.env, [UPDATE_ASYNCAPI]: 'true', NX_DAEMON: 'false' },
    stdio: 'inherit',
  });
}

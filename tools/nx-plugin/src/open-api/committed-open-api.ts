import { execFileSync } from 'node:child_process';

/** The environment variable that makes a service's open-api spec write its committed document instead of comparing. */
export const UPDATE_OPENAPI = 'UPDATE_OPENAPI';

/** The command that rewrites `apps/<app>/openapi.json` from what the app serves (written once; the specs name it). */
export function openApiRegenerateCommand(app: string): string {
  return `${UPDATE_OPENAPI}=true npx nx test ${app} --testPathPatterns=open-api.spec --skip-nx-cache`;
}

/**
 * Writes `apps/<app>/openapi.json` by starting the app once in its open-api spec — the document is what Nest and
 * Swagger serve, which no template can know. Run after the generator wrote its files; never on a dry run.
 */
export function writeCommittedOpenApi(workspaceRoot: string, app: string): void {
  execFileSync('npx', ['nx', 'test', app, '--testPathPatterns=open-api.spec', '--skip-nx-cache', '--output-style=static'], {
    cwd: workspaceRoot,
    env: { ...process.env, [UPDATE_OPENAPI]: 'true', NX_DAEMON: 'false' },
    stdio: 'inherit',
  });
}

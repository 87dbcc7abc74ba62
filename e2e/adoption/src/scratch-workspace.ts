import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './local-registry';

export const NX_VERSION = (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies['nx'];

/** A command's exit status and, when it failed, its whole output: `{ status: 0, output: '' }` reads as success. */
export interface StepOutcome {
  step: string;
  status: number | null;
  output: string;
}

/** How a layout's workspace is made, and what its projects are called. */
export interface Layout {
  name: string;
  /** Creates the workspace `adopter` with the app `apps/payments`, then `@nx/nest` apps are added to it. */
  create: string[];
  /** The Nx project name of the app in `apps/<app>`. */
  project(app: string): string;
}

const CREATE = (preset: string, workspaces: boolean) =>
  `npx --yes create-nx-workspace@${NX_VERSION} adopter --preset=${preset} --nxCloud=skip --packageManager=npm ` +
  `--interactive=false --skipGit --workspaces=${workspaces} --formatter=prettier`;
/** The command that adds the Nest app `apps/<app>`, as a team would add one. */
export const nestApplication = (app: string) => `npx nx g @nx/nest:application apps/${app} --e2eTestRunner=none --linter=eslint --unitTestRunner=jest`;

/**
 * The two layouts `create-nx-workspace` offers. The Nest preset makes the tsconfig-paths one whatever
 * `--workspaces` says, so the project-references one starts from the TypeScript preset and adds @nx/nest.
 */
export const LAYOUTS: Layout[] = [
  {
    name: 'tsconfig paths (--no-workspaces)',
    create: [`${CREATE('nest', false)} --appName=payments --linter=eslint --unitTestRunner=jest --e2eTestRunner=none --docker=false`],
    project: (app) => app,
  },
  {
    name: 'TypeScript project references (--workspaces)',
    create: [CREATE('ts', true), `npm install --save-dev @nx/nest@${NX_VERSION}`, nestApplication('payments')],
    project: (app) => `@adopter/${app}`,
  },
];

/**
 * A folder outside the repository (the system's temporary folder) where a workspace is created and used as a team
 * would: every command runs in a shell there, without an Nx daemon, cloud or colours.
 */
export class ScratchWorkspace {
  readonly parent = mkdtempSync(join(tmpdir(), 'adoption-'));
  readonly path = join(this.parent, 'adopter');

  /** Runs `command` in `cwd` (default: the workspace) and answers its outcome, its output kept only on failure. */
  run(command: string, cwd = this.path): StepOutcome {
    const result = spawnSync(command, {
      cwd,
      shell: true,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', CI: 'true' },
    });
    const output = `${result.stdout}${result.stderr}`;
    return { step: command, status: result.status, output: result.status === 0 ? '' : output.slice(-20_000) };
  }

  /** The workspace's files (outside node_modules and Nx's cache) whose text mentions `text`. */
  filesMentioning(text: string): string[] {
    const found = spawnSync('grep', ['-rlF', '--exclude-dir=node_modules', '--exclude-dir=.nx', '--exclude-dir=.git', text, '.'], {
      cwd: this.path,
      encoding: 'utf8',
    });
    return found.stdout.split('\n').filter(Boolean);
  }

  remove(): void {
    rmSync(this.parent, { recursive: true, force: true });
  }
}

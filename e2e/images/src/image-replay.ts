import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, posix, relative } from 'node:path';
import { promisify } from 'node:util';
import { parseDockerfile, type Instruction } from './dockerfile';

const run = promisify(execFile);
export const workspaceRoot = join(__dirname, '../../..');

/** What a replayed image holds and how it starts, as its Dockerfile's runtime stage says. */
export interface ReplayedImage {
  /** The folder standing for the image's WORKDIR. */
  dir: string;
  /** The image's ENV. */
  env: Record<string, string>;
  /** ENTRYPOINT followed by CMD, exec form. */
  command: string[];
  user?: string;
  exposedPort?: number;
}

// One build at a time: parallel nx processes in one workspace race on its project graph cache.
let builds: Promise<unknown> = Promise.resolve();

/**
 * Plays `dockerfile`'s steps without a container: its first stage in the workspace itself (the build context,
 * already installed — so its `npm ci` is the one step not replayed), its last stage in `target`, a folder outside the
 * repository, so Node finds nothing of the workspace's node_modules there. Any instruction the replay cannot play is
 * an error, so the Dockerfile cannot grow a step that this replay, and so its test, skips.
 */
export async function replayImage(dockerfile: string, target: string): Promise<ReplayedImage> {
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const [build, runtime] = [stages[0], stages[stages.length - 1]];
  if (stages.length !== 2) throw new Error(`${dockerfile}: expected a build and a runtime stage, found ${stages.length}`);
  const buildWorkdir = await (builds = builds.then(() => replayBuildStage(build.instructions)));
  return replayRuntimeStage(runtime.instructions, build.name, buildWorkdir as string, target);
}

async function replayBuildStage(instructions: Instruction[]): Promise<string> {
  let workdir = '/';
  for (const { keyword, args } of instructions) {
    if (keyword === 'WORKDIR') workdir = args;
    else if (keyword === 'COPY' && !args.startsWith('--from')) continue; // the context is the workspace itself
    else if (keyword === 'RUN' && /^npm ci\b/.test(args)) continue; // the workspace is installed
    else if (keyword === 'RUN') await run('sh', ['-c', args], { cwd: workspaceRoot, maxBuffer: 64 * 1024 * 1024 });
    else throw new Error(`the image replay cannot play ${keyword} in the build stage`);
  }
  return workdir;
}

async function replayRuntimeStage(instructions: Instruction[], buildStage: string, buildWorkdir: string, target: string): Promise<ReplayedImage> {
  mkdirSync(target, { recursive: true });
  const image: ReplayedImage = { dir: target, env: {}, command: [] };
  let cmd: string[] = [];
  let entrypoint: string[] = [];
  for (const { keyword, args } of instructions) {
    switch (keyword) {
      case 'ENV':
        for (const [, name, value] of args.matchAll(/(\w+)=(\S+)/g)) image.env[name] = value;
        break;
      case 'WORKDIR':
        break; // the target folder stands for it
      case 'COPY':
        copyFromBuild(args, buildStage, buildWorkdir, target);
        break;
      case 'RUN':
        await run('sh', ['-c', args], { cwd: target, env: { ...buildNetwork(), HOME: target, ...image.env }, maxBuffer: 64 * 1024 * 1024 });
        break;
      case 'USER':
        image.user = args;
        break;
      case 'EXPOSE':
        image.exposedPort = Number(args);
        break;
      case 'ENTRYPOINT':
        entrypoint = JSON.parse(args) as string[];
        break;
      case 'CMD':
        cmd = JSON.parse(args) as string[];
        break;
      default:
        throw new Error(`the image replay cannot play ${keyword} in the runtime stage`);
    }
  }
  image.command = [...entrypoint, ...cmd];
  return image;
}

/** `COPY --from=<build> <paths…> <dest>`: paths in the build stage's file system are the workspace's. */
function copyFromBuild(args: string, buildStage: string, buildWorkdir: string, target: string): void {
  const [from, ...paths] = args.split(/\s+/);
  if (from !== `--from=${buildStage}`) throw new Error(`the image replay copies only from the build stage, not ${from}`);
  const dest = join(target, paths.pop() as string);
  for (const path of paths) {
    const source = join(workspaceRoot, relative(buildWorkdir, posix.resolve(buildWorkdir, path)));
    cpSync(source, path.endsWith('/') ? dest : join(dest, basename(source)), { recursive: true });
  }
}

/**
 * What a `docker build` takes from its host besides the image's ENV: PATH, and how to reach the registry (proxy and
 * CA certificates — a Node from the node@22/24 npm packages trusts only its bundled CAs unless told of the host's).
 * Nothing else of this process's environment: no npm_config_* of an outer npm run, no NODE_PATH.
 */
function buildNetwork(): Record<string, string> {
  const passed = /^(PATH|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy)$/;
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => passed.test(entry[0]) && entry[1] !== undefined));
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RefusalError } from '../refusal.error';

/** Where the deployments are recorded, relative to the workspace root; committed with the code. */
export const DEPLOYMENTS_DIR = 'deployments';
/** The one list of environment names, relative to the workspace root. */
export const ENVIRONMENTS_FILE = `${DEPLOYMENTS_DIR}/environments.json`;

/** What runs in an environment: each service's deployed commit and when it was recorded. */
export type EnvironmentDeployments = Record<string, { commit: string; time: string }>;

/** The file recording `environment`, relative to the workspace root. */
export function deploymentsFile(environment: string): string {
  return `${DEPLOYMENTS_DIR}/${environment}.json`;
}

/** `file` (relative to `root`) parsed, or a refusal naming it when it is not JSON. */
function readJson<T>(root: string, file: string): T {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
  } catch (error) {
    throw new RefusalError(`${file} is not valid JSON (${(error as Error).message}): fix or restore it from git.`);
  }
}

/** The known environment names (`deployments/environments.json`). */
export function knownEnvironments(root: string): string[] {
  if (!existsSync(join(root, ENVIRONMENTS_FILE))) throw new RefusalError(`${ENVIRONMENTS_FILE} is missing: it lists the environment names.`);
  const names = readJson<unknown>(root, ENVIRONMENTS_FILE);
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new RefusalError(`${ENVIRONMENTS_FILE} must be a JSON array of environment names.`);
  }
  return names;
}

/** Refuses `environment` unless it is a known name, with a line that lists the known ones. */
export function checkedEnvironment(root: string, environment: string | undefined): string {
  const known = knownEnvironments(root);
  if (environment === undefined || environment === '') {
    throw new RefusalError(`Name the environment (--environment/--to): one of ${known.join(', ')}.`);
  }
  if (!known.includes(environment)) {
    throw new RefusalError(`Unknown environment '${environment}': known environments are ${known.join(', ')} (${ENVIRONMENTS_FILE}).`);
  }
  return environment;
}

/** What is recorded as deployed in `environment`: nothing yet when it has no file. */
export function readDeployments(root: string, environment: string): EnvironmentDeployments {
  const file = deploymentsFile(environment);
  return existsSync(join(root, file)) ? readJson<EnvironmentDeployments>(root, file) : {};
}

/** Writes `deployments` for `environment`, services in name order so that a record changes one entry of the diff. */
export function writeDeployments(root: string, environment: string, deployments: EnvironmentDeployments): void {
  const file = join(root, deploymentsFile(environment));
  mkdirSync(dirname(file), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(deployments).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '../../..');

/** The parts of a published package.json these checks read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  exports?: Record<string, string | { types?: string; default?: string }>;
  typesVersions?: Record<string, Record<string, string[]>>;
  files?: string[];
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  generators?: string;
}

/** A package of the release family: its Nx project, where its source and its build live, and its manifest. */
export interface PublishedPackage {
  project: string;
  root: string;
  /** The build's output folder, relative to the workspace root: what is packed and published. */
  dist: string;
  manifest: PackageManifest;
}

export function readJson<T>(path: string): T {
  if (!existsSync(path)) throw new Error(`${path} does not exist`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

interface ProjectJson {
  name: string;
  targets?: Record<string, { executor?: string; options?: { outputPath?: string } }>;
}

/** The folder (libs/, tools/ or apps/) that holds the project's project.json. */
function projectRoot(project: string): string {
  for (const parent of ['libs', 'tools', 'apps']) {
    const candidate = join(parent, project);
    if (existsSync(join(workspaceRoot, candidate, 'project.json'))) return candidate;
  }
  throw new Error(`nx.json release.projects names "${project}", but no libs/, tools/ or apps/ folder holds its project.json`);
}

/** Every project nx.json's `release.projects` names, with its build output and package.json. */
export function publishedPackages(): PublishedPackage[] {
  const nxJson = readJson<{ release?: { projects?: string[] } }>(join(workspaceRoot, 'nx.json'));
  const projects = nxJson.release?.projects;
  if (!projects?.length) throw new Error('nx.json has no release.projects: there is no package to check');
  return projects.map((project) => {
    const root = projectRoot(project);
    const build = readJson<ProjectJson>(join(workspaceRoot, root, 'project.json')).targets?.['build'];
    const dist = build?.options?.outputPath;
    if (build?.executor !== '@nx/js:tsc' || !dist) {
      throw new Error(`${project}: its build target must be @nx/js:tsc with an outputPath (found ${JSON.stringify(build)})`);
    }
    return { project, root, dist, manifest: readJson<PackageManifest>(join(workspaceRoot, root, 'package.json')) };
  });
}

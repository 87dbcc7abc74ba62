import { execFileSync } from 'node:child_process';
import { loadAll } from 'js-yaml';
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '../..');
export const deployRoot = join(workspaceRoot, 'deploy');

/** One Kubernetes object as kustomize renders it (only the fields the rules read are typed). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * `kubectl kustomize <folder>` (the kustomize built into kubectl), else a standalone `kustomize build`; `.ci/run`
 * installs kubectl when neither is on the machine. Throws kustomize's own message when the folder does not render.
 */
export function renderKustomization(folder: string): K8sObject[] {
  const [command, args] = commandOnPath('kubectl') ? ['kubectl', ['kustomize', folder]] : ['kustomize', ['build', folder]];
  const yaml = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return loadAll(yaml)
    .filter((document): document is K8sObject => document !== null && typeof document === 'object')
    .map(unwrapSecretData);
}

/**
 * kustomize folds a long base64 value over several lines; the API server's decoder skips the line breaks, the
 * schema's `byte` format does not: join them as the server reads them.
 */
function unwrapSecretData(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || !object['data']) return object;
  const data = Object.fromEntries(Object.entries(object['data'] as Record<string, string>).map(([k, v]) => [k, v.replace(/\s/g, '')]));
  return { ...object, data };
}

/** The objects of `deploy/overlays/<name>`. */
export function renderOverlay(name: 'dev' | 'prod', root = deployRoot): K8sObject[] {
  return renderKustomization(join(root, 'overlays', name));
}

function commandOnPath(command: string): boolean {
  try {
    execFileSync(command, ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

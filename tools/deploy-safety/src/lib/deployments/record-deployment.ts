import { git, resolveCommit, short } from '../git/git';
import type { Service } from '../workspace/services';
import { checkedEnvironment, deploymentsFile, readDeployments, writeDeployments } from './deployments';
import { RefusalError } from '../refusal.error';

/** What `record-deployment` was asked. */
export interface RecordDeploymentRequest {
  /** The workspace (a git checkout). */
  root: string;
  services: Service[];
  service: string;
  environment: string | undefined;
  /** Any revision git can resolve; `HEAD` when absent. */
  commit?: string;
  /** The time written into the record. */
  now: Date;
}

/**
 * Records that `service` at `commit` now runs in `environment`, in `deployments/<environment>.json`. Refuses,
 * writing nothing, an unknown service or environment, a commit the repository does not have, and uncommitted
 * changes in the service's own files (the deployed code would not be the recorded commit). Answers the line to
 * print.
 */
export function recordDeployment({ root, services, service, environment, commit = 'HEAD', now }: RecordDeploymentRequest): string {
  const known = services.find((candidate) => candidate.name === service);
  if (!known) throw new RefusalError(`Unknown service '${service}': services are ${services.map(({ name }) => name).join(', ')}.`);
  const name = checkedEnvironment(root, environment);
  const sha = resolveCommit(root, commit);
  if (!sha) throw new RefusalError(`Commit '${commit}' does not exist in this repository.`);
  const changes = git(root, 'status', '--porcelain', '--', known.root);
  if (changes !== '') {
    const count = changes.split('\n').length;
    throw new RefusalError(`${known.root} has uncommitted changes (${count} file${count === 1 ? '' : 's'}): commit them, then record the deployment.`);
  }
  const deployments = readDeployments(root, name);
  deployments[service] = { commit: sha, time: now.toISOString() };
  writeDeployments(root, name, deployments);
  return `Recorded ${service}@${short(sha)} in ${name}: commit ${deploymentsFile(name)}.`;
}

import { resolveCommit } from '../git/git';
import { checkedEnvironment, readDeployments } from '../deployments/deployments';
import { pactsAt, type CommittedPact } from '../pacts/pacts';
import { RefusalError } from '../refusal.error';
import type { Service } from '../workspace/services';
import type { ScratchPlaces } from './scratch-checkout';
import { verifyPact, type Verification } from './verify-pact';

/** One consumer × provider pair of the matrix and how its pact fared. */
export interface MatrixRow extends Verification {
  consumer: string;
  consumerCommit: string;
  provider: string;
  /** Absent when the provider is not deployed in the environment. */
  providerCommit?: string;
}

/** can-i-deploy's answer. */
export interface CanIDeployAnswer {
  service: string;
  commit: string;
  environment: string;
  rows: MatrixRow[];
  /** Why there is nothing to verify, when there is not. */
  nothingToVerify?: string;
  deployable: boolean;
}

/** What can-i-deploy is asked, and where it works. */
export interface CanIDeployRequest extends ScratchPlaces {
  services: Service[];
  service: string;
  environment: string | undefined;
}

/**
 * Whether `service` at HEAD can be deployed to `environment`, judged by the pacts: as a consumer, its pacts at
 * HEAD against each provider at the commit deployed there; as a provider, the pact of each consumer deployed
 * there, as committed at that consumer's deployed commit, against its own code at HEAD. A provider a pact needs
 * that is not deployed in the environment answers no: the consumer would call a service that is not there.
 */
export function canIDeploy(request: CanIDeployRequest): CanIDeployAnswer {
  const { root, services, service } = request;
  const byName = new Map(services.map((known) => [known.name, known]));
  if (!byName.has(service)) throw new RefusalError(`Unknown service '${service}': services are ${[...byName.keys()].join(', ')}.`);
  const environment = checkedEnvironment(root, request.environment);
  const head = resolveCommit(root, 'HEAD') as string;
  const deployed = readDeployments(root, environment);
  const rows: MatrixRow[] = [];
  const check = (pact: CommittedPact, consumerCommit: string, providerCommit: string | undefined) => {
    const row = { consumer: pact.consumer, consumerCommit, provider: pact.provider, providerCommit };
    const provider = byName.get(pact.provider);
    const unanswered = { failures: [], cached: false };
    if (!providerCommit) rows.push({ ...row, ...unanswered, outcome: 'failed', reason: `${pact.provider} is not deployed in ${environment}` });
    else if (!provider) rows.push({ ...row, ...unanswered, outcome: 'unverifiable', reason: `${pact.provider} is not a service here` });
    else rows.push({ ...row, ...verifyPact(request, pact, provider, providerCommit) });
  };
  for (const pact of pactsAt(root, head).filter((candidate) => candidate.consumer === service)) {
    check(pact, head, deployed[pact.provider]?.commit);
  }
  for (const [consumer, { commit }] of Object.entries(deployed)) {
    if (consumer === service) continue;
    for (const pact of pactsAt(root, commit).filter((candidate) => candidate.consumer === consumer && candidate.provider === service)) {
      check(pact, commit, head);
    }
  }
  const answer = { service, commit: head, environment, rows };
  if (rows.length === 0) {
    return {
      ...answer,
      deployable: true,
      nothingToVerify: `${service} has no pact at HEAD as a consumer, and no consumer deployed in ${environment} has a pact with it.`,
    };
  }
  return { ...answer, deployable: rows.every((row) => row.outcome === 'verified') };
}

import { short } from '../git/git';
import type { CanIDeployAnswer } from './can-i-deploy';

/**
 * The answer as printed: one line a consumer × provider pair (`consumer@commit × provider@commit → verified`,
 * with `(cached)` when it came from the results cache), each failed interaction and what broke under it, and a
 * last line that says yes or no.
 */
export function formatMatrix({ service, commit, environment, rows, nothingToVerify, deployable }: CanIDeployAnswer): string {
  const lines = [`can-i-deploy ${service}@${short(commit)} to ${environment}`];
  for (const row of rows) {
    const provider = row.providerCommit ? `${row.provider}@${short(row.providerCommit)}` : `${row.provider}@(not deployed)`;
    lines.push(`  ${row.consumer}@${short(row.consumerCommit)} × ${provider} → ${row.outcome}${row.cached ? ' (cached)' : ''}`);
    if (row.reason) lines.push(`      ${row.reason}`);
    for (const failure of row.failures) {
      lines.push(`      ${failure.interaction}`, ...failure.mismatches.map((mismatch) => `        ${mismatch}`));
    }
  }
  if (nothingToVerify) lines.push(`Yes: nothing to verify. ${nothingToVerify}`);
  else if (deployable) lines.push(`Yes: every pact verified (${rows.length} pair${rows.length === 1 ? '' : 's'}).`);
  else lines.push(`No: ${rows.filter((row) => row.outcome !== 'verified').length} of ${rows.length} pairs not verified.`);
  return lines.join('\n');
}

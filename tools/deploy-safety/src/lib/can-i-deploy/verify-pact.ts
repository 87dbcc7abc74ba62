import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { mentionedAt, short } from '../git/git';
import { contentHash, type CommittedPact } from '../pacts/pacts';
import { VERIFY_TARGET } from '../workspace/services';
import { scratchCheckout, type ScratchPlaces } from './scratch-checkout';
import { verificationFailures, type VerificationFailure } from './verification-output';

/** The variable by which a provider's verification spec checks one named pact instead of pacts/. */
export const PACT_FILE_VARIABLE = 'PACT_FILE';

/**
 * What the code of a verification that honours PACT_FILE mentions: the variable itself, or the test kit's
 * `pactsUnderVerification` (`@boundary/testing/pact`), which reads it.
 */
const HONOURS_PACT_FILE = [PACT_FILE_VARIABLE, 'pactsUnderVerification'];

/** How one pact fared against one provider commit. */
export interface Verification {
  /** `unverifiable`: the provider at that commit cannot check a named pact, or the run failed without a verdict. */
  outcome: 'verified' | 'failed' | 'unverifiable';
  failures: VerificationFailure[];
  /** Why it could not be verified. */
  reason?: string;
  /** Whether the answer came from the results cache. */
  cached: boolean;
}

/** The provider's verification command at a commit, as its project.json at that commit declares it. */
function verifyCommand(checkout: string, providerRoot: string): { cwd: string; command: string } | undefined {
  const file = join(checkout, providerRoot, 'project.json');
  if (!existsSync(file)) return undefined;
  const target = (JSON.parse(readFileSync(file, 'utf8')) as { targets?: Record<string, { options?: { cwd?: string; command?: string } }> })
    .targets?.[VERIFY_TARGET];
  const command = target?.options?.command;
  return command ? { cwd: join(checkout, target?.options?.cwd ?? '.'), command } : undefined;
}

/**
 * Verifies `pact` against the provider's code at `providerCommit`: in a scratch worktree of that commit, the
 * provider's own verification command (its `verify` target's, run directly, so nothing regenerates the pact) with
 * `PACT_FILE` naming the pact. A verdict is cached by the pact's content and the provider commit.
 */
export function verifyPact(
  places: ScratchPlaces,
  pact: CommittedPact,
  provider: { name: string; root: string },
  providerCommit: string,
): Verification {
  const key = `${contentHash(pact.content)}-${providerCommit}`;
  const resultFile = join(places.cacheDir, 'results', `${key}.json`);
  if (existsSync(resultFile)) return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Verification), cached: true };
  const unverifiable = (reason: string): Verification => ({ outcome: 'unverifiable', failures: [], reason, cached: false });
  if (!HONOURS_PACT_FILE.some((text) => mentionedAt(places.root, providerCommit, text, provider.root))) {
    return unverifiable(`${provider.name}@${short(providerCommit)} predates ${PACT_FILE_VARIABLE}: its verification cannot check a named pact`);
  }
  const checkout = scratchCheckout(places, providerCommit);
  const command = verifyCommand(checkout, provider.root);
  if (!command) return unverifiable(`${provider.name}@${short(providerCommit)} has no '${VERIFY_TARGET}' command in its project.json`);
  const pactFile = join(places.cacheDir, 'pacts', `${contentHash(pact.content)}.json`);
  mkdirSync(join(places.cacheDir, 'pacts'), { recursive: true });
  writeFileSync(pactFile, pact.content);
  places.log(`verifying ${pact.file} (${pact.consumer}) against ${provider.name}@${short(providerCommit)}`);
  const run = spawnSync(command.command, {
    cwd: command.cwd,
    shell: true,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      [PACT_FILE_VARIABLE]: pactFile,
      PATH: [join(checkout, 'node_modules/.bin'), process.env['PATH']].join(delimiter),
      FORCE_COLOR: '0',
    },
  });
  const failures = verificationFailures(`${run.stdout}${run.stderr}`);
  const verification: Verification =
    run.status === 0
      ? { outcome: 'verified', failures: [], cached: false }
      : failures.length > 0
        ? { outcome: 'failed', failures, cached: false }
        : unverifiable(
            `the verification of ${provider.name}@${short(providerCommit)} failed without a pact verdict ` +
              `(exit ${run.status}): ${lastLines(`${run.stdout}${run.stderr}`)}`,
          );
  // Only verdicts are cached: a run that broke for another reason (a database down) is retried next time.
  if (verification.outcome !== 'unverifiable') {
    mkdirSync(join(places.cacheDir, 'results'), { recursive: true });
    writeFileSync(resultFile, JSON.stringify({ ...verification, cached: undefined }, null, 2));
  }
  return verification;
}

/** The end of a failed run's output, where Jest names the failing test. */
function lastLines(output: string): string {
  return output.trim().split('\n').filter((line) => line.trim() !== '').slice(-3).join(' | ');
}

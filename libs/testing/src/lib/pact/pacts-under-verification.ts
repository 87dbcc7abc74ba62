import { pactFilesFor, PACTS_DIR } from './pacts-dir';

/**
 * The variable naming the one pact a verification checks instead of every consumer's: how `can-i-deploy`
 * (tools/deploy-safety) verifies a pact from another commit against this code, run as a plain Jest command at
 * whatever commit is deployed rather than through `nx verify`, whose dependencies would regenerate pacts/.
 */
export const PACT_FILE_VARIABLE = 'PACT_FILE';

/**
 * The pacts a provider's verification checks: every `<consumer>-<provider>.json` of `dir` (each consumer its own
 * test, so each gets its own verdict), or only the pact `PACT_FILE` names.
 */
export function pactsUnderVerification(provider: string, dir = PACTS_DIR): string[] {
  const named = process.env[PACT_FILE_VARIABLE];
  return named ? [named] : pactFilesFor(provider, dir);
}

/** Whether the run checks one named pact (can-i-deploy): the specs that test the verification itself then stay out. */
export function verifyingNamedPact(): boolean {
  return Boolean(process.env[PACT_FILE_VARIABLE]);
}

import { pactFilesFor } from '@boundary/testing/pact';

/**
 * The pact files the verification specs check: every `pacts/<consumer>-order-service.json`. `PACT_FILE` names one
 * pact to check instead: the way `can-i-deploy` (tools/deploy-safety) verifies a pact from another commit against
 * this code, run directly rather than through `nx verify`, whose dependencies would regenerate pacts/. An
 * environment variable because the verification runs as a plain Jest command at whatever commit is deployed.
 */
export function pactsUnderVerification(): string[] {
  const named = process.env['PACT_FILE'];
  return named ? [named] : pactFilesFor('order-service');
}

/** Whether the run checks one named pact (can-i-deploy): the specs that test the verification itself then stay out. */
export function verifyingNamedPact(): boolean {
  return Boolean(process.env['PACT_FILE']);
}

/** One interaction that failed its verification, and what the verifier said broke. */
export interface VerificationFailure {
  /** The pact's description of the interaction. */
  interaction: string;
  /** The mismatches, one line each, e.g. `$[0] -> Actual map is missing the following keys: quantity`. */
  mismatches: string[];
}

// Colours and bold marks of the verifier's terminal output.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The failures a pact verifier printed (pact-core's `Failures:` section), one entry an interaction, each with the
 * line under every failed check (`$[0] -> Actual map is missing the following keys: quantity`, `expected 200 but
 * was 401`), and for a message the provider did not produce, why. A mismatch repeated for every element of a list
 * (`$[0]`, `$[1]`, …) is kept once.
 */
export function verificationFailures(output: string): VerificationFailure[] {
  const failures: VerificationFailure[] = [];
  let current: VerificationFailure | undefined;
  // After a failed check (`1.1) has a matching body`): its detail lines, `$… -> …` or one plain line.
  let detailLines: 'none' | 'first' | 'paths' = 'none';
  let inFailures = false;
  const shape = (text: string) => text.replace(/\[\d+\]/g, '[*]');
  for (const line of output.replace(ANSI, '').split('\n')) {
    if (/^Failures:\s*$/.test(line)) inFailures = true;
    else if (/^There (were|was) \d+ pact failures?/.test(line)) inFailures = false;
    if (!inFailures) continue;
    const heading = /^\d+\) Verifying a pact between .+? - (.+)$/.exec(line);
    if (heading) {
      const interaction = heading[1].trim();
      current = failures.find((failure) => failure.interaction === interaction);
      if (!current) failures.push((current = { interaction, mismatches: [] }));
      detailLines = 'none';
      continue;
    }
    if (/^\s+\d+\.\d+\) /.test(line)) {
      detailLines = 'first';
      continue;
    }
    const detail = line.trim();
    // A message the provider failed to produce: @boundary/testing's verifyPacts answers the reason as the body, which
    // the verifier prints in its diff (`+  "error": "The provider produced no message: …"`).
    const unproduced = /^\+\s*"error": "(The provider produced no message: .*)"$/.exec(detail);
    if (current && unproduced) {
      current.mismatches.push(JSON.parse(`"${unproduced[1]}"`) as string);
      continue;
    }
    const isPath = /^\$\S* -> /.test(detail);
    if (!current || detailLines === 'none' || detail === '' || (detailLines === 'paths' && !isPath)) {
      if (detail !== '') detailLines = 'none';
      continue;
    }
    detailLines = isPath ? 'paths' : 'none';
    if (!current.mismatches.some((seen) => shape(seen) === shape(detail))) current.mismatches.push(detail);
  }
  return failures;
}

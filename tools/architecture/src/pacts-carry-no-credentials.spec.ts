import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');
const pactsDir = join(workspaceRoot, 'pacts');

/** Every header name of every interaction's request and response in a pact. */
function headerNames(pact: { interactions?: { request?: { headers?: object }; response?: { headers?: object } }[] }): string[] {
  return (pact.interactions ?? []).flatMap((i) => [...Object.keys(i.request?.headers ?? {}), ...Object.keys(i.response?.headers ?? {})]);
}

// A pact is published to a broker and read by other teams: a credential in it is a leaked credential. The consumers'
// clients send their token on every call; the pacts must record the interaction without it (verification adds each
// consumer's own token as the deployed consumer would).
describe('the committed pacts carry no credential', () => {
  const pacts = readdirSync(pactsDir).filter((file) => file.endsWith('.json'));

  it('has pacts to check', () => {
    expect(pacts.length).toBeGreaterThan(0);
  });

  it.each(pacts)('%s records no Authorization header and no bearer token', (file) => {
    const text = readFileSync(join(pactsDir, file), 'utf8');
    expect(headerNames(JSON.parse(text)).filter((name) => /^(authorization|proxy-authorization|cookie)$/i.test(name))).toEqual([]);
    expect(text).not.toMatch(/\bbearer\s/i);
    expect(text).not.toMatch(/_SERVICE_TOKENS?\b/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { commitAll, outcome, run, scratchClone, verdict } from '../../testing/scratch-clone';

// Two services made by the service generator, then a message boundary between them, in a clone of the committed
// workspace: every generated or touched project passes lint, typecheck, test, contract and verify as generated; then an
// HTTP consumer of the publisher, whose pact is verified beside the message pact in the publisher's one verify target.
describe('nx g @boundary/nx-plugin:message-boundary in a scratch clone', () => {
  let clone: string;
  let remove: () => void;
  const id = Date.now().toString(36);
  const publisher = `bill${id}`;
  const consumer = `post${id}`;
  const port = 5900 + Math.floor(Math.random() * 90);
  const options = `--publisher ${publisher}-service --consumer ${consumer}-service --event invoice-issued`;

  beforeAll(() => {
    ({ path: clone, remove } = scratchClone('nx-plugin-message-boundary-e2e-'));
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${publisher}-service --port ${port}`)).toEqual({ status: 0, output: '' });
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${consumer}-service --port ${port + 1}`)).toEqual({ status: 0, output: '' });
    expect(outcome(clone, commitAll('services'))).toEqual({ status: 0, output: '' });
  });
  afterAll(() => remove?.());

  it('refuses an event name that is not kebab-case in one line and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:message-boundary ${options.replace('invoice-issued', 'InvoiceIssued')}`);
    expect(status).not.toBe(0);
    expect(output).toContain('Invalid event "InvoiceIssued": use kebab-case <subject>-<verb>');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('generates a message boundary whose lint, typecheck, test, contract and verify pass as generated', () => {
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:message-boundary ${options}`)).toEqual({ status: 0, output: '' });
    expect(run(clone, 'git status --porcelain').output).not.toMatch(/package(-lock)?\.json/);
    // The publisher's committed AsyncAPI document is what its new contract says.
    const asyncApi = JSON.parse(readFileSync(join(clone, 'apps', `${publisher}-service`, 'asyncapi.json'), 'utf8'));
    expect(Object.keys(asyncApi.channels)).toEqual(['invoices.issued']);
    const projects = [`${publisher}-events-contract`, `${publisher}-service`, `${consumer}-service`].join(',');
    const verdicts = verdict(clone, `npx nx run-many -t lint typecheck test contract verify -p ${projects} --parallel=2 --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
    expect(verdicts.output).toContain(`${publisher}-service honours the message pact of ${consumer}-service (provider)`);
    expect(readFileSync(join(clone, 'pacts', `${consumer}-service-${publisher}-service.json`), 'utf8')).toContain('"Asynchronous/Messages"');
  });

  it('says so, and changes nothing, when run again for the same event', () => {
    expect(outcome(clone, commitAll('message-boundary'))).toEqual({ status: 0, output: '' });
    const again = run(clone, `npx nx g @boundary/nx-plugin:message-boundary ${options}`);
    expect(again.status).toBe(0);
    expect(again.output).toContain(`${consumer}-service already consumes invoices.issued from ${publisher}-service`);
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('verifies HTTP and message pacts in the publisher’s one verify target once it also serves an HTTP consumer', () => {
    const shop = `shop${id}`;
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${shop}-service --port ${port + 2}`)).toEqual({ status: 0, output: '' });
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:boundary --provider ${publisher}-service --consumer ${shop}-service --resource invoices`)).toEqual({
      status: 0,
      output: '',
    });
    const verdicts = verdict(clone, `npx nx run-many -t verify -p ${publisher}-service --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
    // Jest names the files, not the tests, when it runs more than one.
    expect(verdicts.output).toContain(`PASS ${publisher}-service src/contract/${publisher}-service.pact-verify.spec.ts`);
    expect(verdicts.output).toContain(`PASS ${publisher}-service src/contract/${publisher}-service.messages.pact-verify.spec.ts`);
    // Pact's verifier prints the pair in bold, whatever FORCE_COLOR says.
    expect(stripVTControlCharacters(verdicts.output)).toContain(`Verifying a pact between ${consumer}-service and ${publisher}-service`);
    // can-i-deploy verifies one named pact: an HTTP one leaves the message verification nothing, and both files pass.
    const pactFile = join(clone, 'pacts', `${shop}-service-${publisher}-service.json`);
    const named = verdict(clone, `PACT_FILE=${pactFile} npx nx verify ${publisher}-service --skip-nx-cache --output-style=static`);
    expect({ status: named.status, failures: named.failures }).toEqual({ status: 0, failures: '' });
    // And the message pact named: the HTTP verification has nothing to verify, says so, and passes.
    const messagePact = join(clone, 'pacts', `${consumer}-service-${publisher}-service.json`);
    const namedMessages = verdict(clone, `PACT_FILE=${messagePact} npx nx verify ${publisher}-service --skip-nx-cache --output-style=static`);
    expect({ status: namedMessages.status, failures: namedMessages.failures }).toEqual({ status: 0, failures: '' });
    expect(namedMessages.output).toContain(`PASS ${publisher}-service src/contract/${publisher}-service.pact-verify.spec.ts`);
  });
});

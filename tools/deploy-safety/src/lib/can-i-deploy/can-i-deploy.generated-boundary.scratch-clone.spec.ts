import { scratchClone } from '../../testing/scratch-clone';

/**
 * A boundary made by the generators, with no edit for can-i-deploy: two services and the boundary between them
 * generated in a scratch clone, the consumer's pact written by its contract target and committed, both recorded in
 * production; then each side asks.
 */
describe('can-i-deploy covers a generated boundary', () => {
  jest.setTimeout(240_000);
  const scratch = scratchClone('can-i-deploy-generated-');
  const id = Date.now().toString(36);
  const [provider, consumer] = [`stock${id}-service`, `shop${id}-service`];
  const port = 5700 + Math.floor(Math.random() * 90);
  let deployed: string;

  /** `{ status: 0 }` when the Nx command succeeded, else its status and output, for a readable failure. */
  const succeeds = (...args: string[]) => {
    const { status, output } = scratch.nx(...args);
    return status === 0 ? { status } : { status, output };
  };

  beforeAll(() => {
    expect(succeeds('g', '@boundary/nx-plugin:service', provider, '--port', String(port))).toEqual({ status: 0 });
    expect(succeeds('g', '@boundary/nx-plugin:service', consumer, '--port', String(port + 1))).toEqual({ status: 0 });
    expect(succeeds('g', '@boundary/nx-plugin:boundary', '--provider', provider, '--consumer', consumer, '--resource', 'stock-levels')).toEqual({
      status: 0,
    });
    expect(succeeds('run', `${consumer}:contract`, '--output-style=static')).toEqual({ status: 0 });
    scratch.git('add', '-A');
    scratch.git('commit', '--quiet', '-m', 'a generated boundary and its pact');
    deployed = scratch.git('rev-parse', 'HEAD');
    for (const service of [provider, consumer]) {
      expect(succeeds('run', `${service}:record-deployment`, '--environment', 'production')).toEqual({ status: 0 });
    }
    scratch.git('add', 'deployments');
    scratch.git('commit', '--quiet', '-m', 'record both in production');
  });

  afterAll(() => scratch.remove());

  it('verifies the consumer’s pact against the provider deployed', () => {
    const { status, output } = scratch.nx('run', `${consumer}:can-i-deploy`, '--to', 'production');
    const head = scratch.git('rev-parse', 'HEAD');
    expect(output).toContain(`${consumer}@${head.slice(0, 7)} × ${provider}@${deployed.slice(0, 7)} → verified`);
    expect({ status, yes: output.includes('Yes: every pact verified (1 pair).') }).toEqual({ status: 0, yes: true });
  });

  it('verifies the deployed consumer’s pact against the provider at HEAD', () => {
    const { status, output } = scratch.nx('run', `${provider}:can-i-deploy`, '--to', 'production');
    const head = scratch.git('rev-parse', 'HEAD');
    expect(output).toContain(`${consumer}@${deployed.slice(0, 7)} × ${provider}@${head.slice(0, 7)} → verified`);
    expect(status).toBe(0);
  });
});

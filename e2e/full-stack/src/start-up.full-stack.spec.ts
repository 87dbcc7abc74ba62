import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

describe('start-up with invalid configuration', () => {
  it('the User Service exits non-zero with a message naming the bad variable', () => {
    const result = spawnSync(process.execPath, [join(workspaceRoot, 'dist/apps/user-service/main.js')], {
      env: { ...process.env, PORT: '0', ORDER_SERVICE_TIMEOUT_MS: 'soon', ORDER_SERVICE_URL: 'not a url' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/Invalid User Service configuration: .*ORDER_SERVICE_URL: must be an http\(s\) URL/);
    expect(output).toMatch(/ORDER_SERVICE_TIMEOUT_MS/);
  });
});

import { failureReport } from './scratch-clone';

describe('failureReport', () => {
  const run = [
    ...Array.from({ length: 300 }, (_, line) => `PASS src/passing-${line}.spec.ts`),
    ' FAIL  src/users/users.controller.spec.ts',
    '  ● users controller › answers 404 for an unknown user',
    '',
    '    expect(received).toBe(expected)',
    '',
    '  ● Console',
    '    console.log noise',
    ...Array.from({ length: 300 }, (_, line) => `noise after the failure ${line}`),
    ' NX   Running targets test for 2 projects failed',
    '',
    'Failed tasks:',
    '',
    '- user-service:test',
    '',
    'trailing summary',
  ].join('\n');

  it('names each failing test with the lines under its heading, and the failed tasks, however long the run', () => {
    const report = failureReport(run);
    expect(report).toContain('● users controller › answers 404 for an unknown user');
    expect(report).toContain('expect(received).toBe(expected)');
    expect(report).toContain('- user-service:test');
    expect(report).not.toContain('PASS src/passing-0.spec.ts');
    expect(report).not.toContain('noise after the failure 299');
  });

  it('falls back to the tail when the output names no failing test', () => {
    const tail = failureReport(`${'x'.repeat(10_000)}\nError: webpack compilation failed`);
    expect(tail.endsWith('Error: webpack compilation failed')).toBe(true);
    expect(tail.length).toBe(4000);
  });
});

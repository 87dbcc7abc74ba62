import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');
const guide = readFileSync(join(workspaceRoot, 'TESTING.md'), 'utf8');

interface Snippet {
  info: string;
  file: string | undefined;
  code: string;
}

/** Every fenced block of the guide with its info string (`ts file=path/to/real.spec.ts`). */
function snippets(markdown: string): Snippet[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map(([, info, code]) => ({
    info,
    file: /(?:^|\s)file=(\S+)/.exec(info)?.[1],
    code,
  }));
}

/** What is wrong with the examples of `markdown`: untagged TypeScript blocks, missing files, passages not in their file. */
function snippetProblems(markdown: string): string[] {
  return snippets(markdown)
    .filter((s) => s.info.startsWith('ts'))
    .flatMap(({ file, code }) => {
      const opening = JSON.stringify(code.split('\n')[0]);
      if (file === undefined) return [`example ${opening} has no file= tag`];
      const path = join(workspaceRoot, file);
      if (!existsSync(path)) return [`${file} does not exist`];
      return readFileSync(path, 'utf8').includes(code) ? [] : [`example ${opening} is not verbatim in ${file}`];
    });
}

describe('TESTING.md', () => {
  it('shows only examples copied verbatim from real test files, each tagged with its file', () => {
    expect(snippets(guide).filter((s) => s.file).length).toBeGreaterThanOrEqual(4);
    expect(snippetProblems(guide)).toEqual([]);
  });

  it.each([
    ['## Level 1 — override `HttpService`', 'user-orders.http-service.spec.ts'],
    ['## Level 2 — override the provider', 'user-orders.controller.spec.ts'],
    ['## Level 3 — endpoint with HTTP interception', 'user-orders.endpoint.spec.ts'],
    ['## Level 4 — full stack', 'user-orders.full-stack.spec.ts'],
  ])('has a section "%s" with a runnable example from %s', (heading, file) => {
    const start = guide.indexOf(`${heading}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const section = guide.slice(start, guide.indexOf('\n## ', start + 1));
    expect(snippets(section).some((s) => s.file?.endsWith(file))).toBe(true);
  });

  it('keeps a heading for the contract level', () => {
    expect(guide).toMatch(/^## Contract level$/m);
  });

  it('the check reports an untagged example, a missing file and a passage that drifted from its file', () => {
    const drifted = [
      '```ts',
      'const untagged = 1;',
      '```',
      '```ts file=no/such.spec.ts',
      'x',
      '```',
      '```ts file=TESTING.md',
      'a line TESTING.md does not hold',
      '```',
      '```sh',
      'npm test',
      '```',
      '',
    ].join('\n');
    expect(snippetProblems(drifted)).toEqual([
      'example "const untagged = 1;" has no file= tag',
      'no/such.spec.ts does not exist',
      'example "a line TESTING.md does not hold" is not verbatim in TESTING.md',
    ]);
  });
});

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './machine';

/** Appends a dated entry to bench/RESULTS.md (full runs only; `--quick` runs print and write nothing). */
export function appendResultsEntry(title: string, body: string): void {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  appendFileSync(join(WORKSPACE_ROOT, 'bench/RESULTS.md'), `\n## ${date} — ${title}\n\n${body.trim()}\n`);
}

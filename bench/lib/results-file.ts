import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQuick } from './bench-args';
import { WORKSPACE_ROOT } from './machine';

/** Appends a dated entry to bench/RESULTS.md. */
function appendResultsEntry(title: string, body: string): void {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  appendFileSync(join(WORKSPACE_ROOT, 'bench/RESULTS.md'), `\n## ${date} — ${title}\n\n${body.trim()}\n`);
}

/**
 * Prints a bench's report and, on a full run, appends it to bench/RESULTS.md as entry `title`; a `--quick` smoke run
 * writes nothing.
 */
export function publishResults(title: string, body: string): void {
  console.log(`\n${body}`);
  if (isQuick()) {
    console.log('\n--quick: smoke run, nothing written to bench/RESULTS.md');
    return;
  }
  appendResultsEntry(title, body);
}

import { createHash } from 'node:crypto';
import { fileAt, git } from '../git/git';

/** Where the consumers' contract targets write their pacts (`pacts/<consumer>-<provider>.json`). */
export const PACTS_DIR = 'pacts';

/** A pact file as committed at some commit. */
export interface CommittedPact {
  consumer: string;
  provider: string;
  /** Its path, relative to the workspace root. */
  file: string;
  /** Its exact text: what is verified, and with the provider commit the key of a cached result. */
  content: string;
}

/** The SHA-256 of `content`, hex: how the caches name a pact's content and a lockfile. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Every pact committed under pacts/ at `commit`. Consumer and provider come from the pact itself, not from the
 * file name, so names with hyphens are never split wrongly.
 */
export function pactsAt(root: string, commit: string): CommittedPact[] {
  if (fileAt(root, commit, PACTS_DIR) === undefined) return [];
  const files = git(root, 'ls-tree', '--name-only', `${commit}:${PACTS_DIR}`).split('\n').filter((name) => name.endsWith('.json'));
  return files.flatMap((name) => {
    const file = `${PACTS_DIR}/${name}`;
    const content = fileAt(root, commit, file);
    if (content === undefined) return [];
    const pact = JSON.parse(content) as { consumer?: { name?: string }; provider?: { name?: string } };
    if (!pact.consumer?.name || !pact.provider?.name) return [];
    return [{ consumer: pact.consumer.name, provider: pact.provider.name, file, content }];
  });
}

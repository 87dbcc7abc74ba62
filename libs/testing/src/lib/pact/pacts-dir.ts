import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The workspace's pacts/: where the consumers' `contract` targets write their pacts and the providers read them. */
export const PACTS_DIR = join(__dirname, '../../../../../pacts');

/** Every pact `dir` holds for `provider`: the files `<consumer>-<provider>.json`, in the consumers' order. */
export function pactFilesFor(provider: string, dir = PACTS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(`-${provider}.json`))
    .sort()
    .map((file) => join(dir, file));
}

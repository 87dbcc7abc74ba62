import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from './test-databases';

interface Journal {
  entries: { tag: string }[];
}

/**
 * A copy of the app's migrations folder that ends with migration `tag` (e.g. `0000_init`): opening a database with
 * it brings the schema to that version, as a database deployed back then has it. The caller removes the folder.
 */
export async function migrationsUntil(tag: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `order-service-migrations-${tag}-`));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
  const end = journal.entries.findIndex((entry) => entry.tag === tag);
  if (end < 0) throw new Error(`No migration ${tag} in ${MIGRATIONS_FOLDER}`);
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }));
  return folder;
}

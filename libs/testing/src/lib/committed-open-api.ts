import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** A service's OpenAPI document as committed: the file the breaking-change check compares across commits. */
export interface CommittedOpenApi {
  /** Absolute path of the committed document (`apps/<service>/openapi.json`). */
  file: string;
  /** The command that rewrites `file` from what the service serves; a failure names it. */
  regenerate: string;
  /** Write `served` to `file` instead of comparing (what `regenerate` asks for). */
  update?: boolean;
  /** Where `served` comes from, as a failure names it; default `the document the service serves`. */
  source?: string;
}

/** The one formatting of a committed document, so regenerating an unchanged document changes no byte. */
export function formatOpenApiDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Compares the document a service serves with its committed file (key order and formatting aside). Answers
 * `undefined` when they are equal — or after writing the file, with `update` — and otherwise one line naming the
 * file and the command that regenerates it.
 */
export function committedOpenApiDrift(
  served: unknown,
  { file, regenerate, update = false, source = 'the document the service serves' }: CommittedOpenApi,
): string | undefined {
  const shown = fromWorkspaceRoot(file);
  if (update) {
    writeFileSync(file, formatOpenApiDocument(served));
    return undefined;
  }
  if (!existsSync(file)) return `${shown} is missing: write it with \`${regenerate}\` and commit it.`;
  if (isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), served)) return undefined;
  return `${shown} differs from ${source}: regenerate it with \`${regenerate}\` and commit it.`;
}

/**
 * The same comparison for any committed document that a check reads across commits (an AsyncAPI document generated
 * from an events contract, say): `source` names where the document comes from.
 */
export const committedDocumentDrift = committedOpenApiDrift;

/** `file` as the repository names it (`apps/order-service/openapi.json`): relative to the folder holding nx.json. */
function fromWorkspaceRoot(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return relative(dir, file);
  }
  return file;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, git, resolveCommit } from '../git/git';
import { RefusalError } from '../refusal.error';
import type { Service } from '../workspace/services';
import type { BreakingChange } from './breaking-change';
import { findBreakingChanges } from './find-breaking-changes';
import type { OpenApiDocument } from './open-response-objects';

/** The commit-message line that accepts a service's breaking changes: `Breaking-API-Change: <service>: <why>`. */
export const OVERRIDE_TRAILER = 'Breaking-API-Change';

/** What the check found for one service's document. */
export interface DocumentVerdict {
  service: string;
  document: string;
  /** `missing`: the service has no committed document; `new`: none at the base to compare with. */
  status: 'compared' | 'new' | 'missing';
  changes: BreakingChange[];
  /** The reason the commit message gives for accepting `changes`, when it does. */
  override?: string;
}

/** The reasons, by service, that the commit messages give for accepting breaking changes. */
export function overridesIn(messages: string): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const [, service, reason] of messages.matchAll(new RegExp(`^${OVERRIDE_TRAILER}:\\s*([^\\s:]+)\\s*:\\s*(\\S.*)$`, 'gm'))) {
    overrides.set(service, reason.trim());
  }
  return overrides;
}

/**
 * Compares each service's committed OpenAPI document in the working tree with the same file at `base` (the
 * commit `nx affected` compares with), and reads the override lines of the commits since `base`.
 */
export async function checkBreakingChanges(root: string, base: string, services: Service[]): Promise<DocumentVerdict[]> {
  const baseCommit = resolveCommit(root, base);
  if (!baseCommit) throw new RefusalError(`${base} is not a commit of this repository`);
  const overrides = overridesIn(git(root, 'log', '--format=%B', `${baseCommit}..HEAD`));
  const verdicts: DocumentVerdict[] = [];
  for (const { name, openApiDocument } of services) {
    const verdict = { service: name, document: openApiDocument, changes: [] as BreakingChange[] };
    const current = join(root, openApiDocument);
    const before = fileAt(root, baseCommit, openApiDocument);
    if (!existsSync(current)) verdicts.push({ ...verdict, status: 'missing' });
    else if (before === undefined) verdicts.push({ ...verdict, status: 'new' });
    else {
      const changes = await findBreakingChanges(
        parsed(before, `${openApiDocument} at ${base}`),
        parsed(readFileSync(current, 'utf8'), openApiDocument),
      ).catch((error: Error) => {
        if (error instanceof RefusalError) throw error;
        throw new RefusalError(`${openApiDocument}: openapi-diff cannot compare it with ${base}: ${error.message}`);
      });
      verdicts.push({ ...verdict, status: 'compared', changes, override: changes.length > 0 ? overrides.get(name) : undefined });
    }
  }
  return verdicts;
}

/** `text` as a document, or a refusal naming `what` when it is not JSON. */
function parsed(text: string, what: string): OpenApiDocument {
  try {
    return JSON.parse(text) as OpenApiDocument;
  } catch (error) {
    throw new RefusalError(`${what} is not valid JSON (${(error as Error).message}).`);
  }
}

/** Whether the verdicts let the commit through: every document present, every breaking change accepted. */
export function passes(verdicts: DocumentVerdict[]): boolean {
  return verdicts.every((verdict) => verdict.status !== 'missing' && (verdict.changes.length === 0 || verdict.override !== undefined));
}

/** The report CI prints: one line per service, one per breaking change, and how to accept them. */
export function formatVerdicts(base: string, verdicts: DocumentVerdict[]): string {
  const lines = [`OpenAPI breaking-change check against ${base}:`];
  for (const { service, document, status, changes, override } of verdicts) {
    if (status === 'missing') {
      lines.push(`  ✗ ${service}: ${document} is missing: every service commits the document it serves (TESTING.md, "Breaking API changes")`);
    }
    else if (status === 'new') lines.push(`  ✓ ${service}: ${document} is new, nothing to compare`);
    else if (changes.length === 0) lines.push(`  ✓ ${service}: no breaking change`);
    else {
      const counted = `${changes.length} breaking change${changes.length === 1 ? '' : 's'}`;
      if (override === undefined) lines.push(`  ✗ ${service}: ${counted}`);
      else lines.push(`  ! ${service}: ${counted} accepted by the commit message: ${override}`);
      lines.push(...changes.map((change) => `      - ${change.description}`));
    }
  }
  const refused = verdicts.filter((verdict) => verdict.changes.length > 0 && verdict.override === undefined);
  if (refused.length > 0) {
    lines.push(`Breaking changes fail the build. When they are intended, say so in the commit message, one line a service:`);
    lines.push(...refused.map(({ service }) => `  ${OVERRIDE_TRAILER}: ${service}: <why its clients can cope>`));
  }
  return lines.join('\n');
}

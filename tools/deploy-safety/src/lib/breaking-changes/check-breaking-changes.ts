import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, git, resolveCommit } from '../git/git';
import { RefusalError } from '../refusal.error';
import type { Service } from '../workspace/services';
import type { BreakingChange } from './breaking-change';
import { findAsyncApiBreakingChanges, type AsyncApiDocument } from './find-async-api-breaking-changes';
import { findBreakingChanges } from './find-breaking-changes';
import type { OpenApiDocument } from './open-response-objects';

/** The commit-message line that accepts a service's breaking changes: `Breaking-API-Change: <service>: <why>`. */
export const OVERRIDE_TRAILER = 'Breaking-API-Change';

/** The kinds of document the check compares: what a service answers, and what it publishes. */
export type DocumentKind = 'OpenAPI' | 'AsyncAPI';

/** What the check found for one service's document. */
export interface DocumentVerdict {
  service: string;
  kind: DocumentKind;
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

/** How one kind of document is found and compared. */
interface DocumentCheck {
  kind: DocumentKind;
  /** The service's document of this kind; `undefined`: it has none to commit. */
  documentOf(service: Service): string | undefined;
  /** Whether every service must commit one (an OpenAPI document) or only those that have something to say (events). */
  required: boolean;
  /** The differ, as a refusal names it when it cannot compare. */
  tool: string;
  compare(before: unknown, after: unknown): Promise<BreakingChange[]>;
}

const CHECKS: readonly DocumentCheck[] = [
  {
    kind: 'OpenAPI',
    documentOf: (service) => service.openApiDocument,
    required: true,
    tool: 'openapi-diff',
    compare: (before, after) => findBreakingChanges(before as OpenApiDocument, after as OpenApiDocument),
  },
  {
    kind: 'AsyncAPI',
    documentOf: (service) => service.asyncApiDocument,
    required: false,
    tool: '@asyncapi/diff',
    compare: async (before, after) => findAsyncApiBreakingChanges(before as AsyncApiDocument, after as AsyncApiDocument),
  },
];

/**
 * Compares each service's committed OpenAPI document — and AsyncAPI document, when it publishes events — in the
 * working tree with the same file at `base` (the commit `nx affected` compares with), and reads the override lines
 * of the commits since `base`. An AsyncAPI document deleted since `base` is breaking: every channel it had is gone.
 */
export async function checkBreakingChanges(root: string, base: string, services: Service[]): Promise<DocumentVerdict[]> {
  const baseCommit = resolveCommit(root, base);
  if (!baseCommit) throw new RefusalError(`${base} is not a commit of this repository`);
  const overrides = overridesIn(git(root, 'log', '--format=%B', `${baseCommit}..HEAD`));
  const verdicts: DocumentVerdict[] = [];
  for (const check of CHECKS) {
    for (const service of services) {
      const document = check.documentOf(service);
      if (document === undefined) continue;
      const verdict = { service: service.name, kind: check.kind, document, changes: [] as BreakingChange[] };
      const current = join(root, document);
      const before = fileAt(root, baseCommit, document);
      const accepted = (changes: BreakingChange[]) => (changes.length > 0 ? overrides.get(service.name) : undefined);
      if (!existsSync(current)) {
        if (check.required) verdicts.push({ ...verdict, status: 'missing' });
        else if (before !== undefined) {
          const changes = [{ code: 'document.remove', description: `${document} removed: every channel it described is gone` }];
          verdicts.push({ ...verdict, status: 'compared', changes, override: accepted(changes) });
        }
      } else if (before === undefined) verdicts.push({ ...verdict, status: 'new' });
      else {
        const changes = await check
          .compare(parsed(before, `${document} at ${base}`), parsed(readFileSync(current, 'utf8'), document))
          .catch((error: Error) => {
            if (error instanceof RefusalError) throw error;
            throw new RefusalError(`${document}: ${check.tool} cannot compare it with ${base}: ${error.message}`);
          });
        verdicts.push({ ...verdict, status: 'compared', changes, override: accepted(changes) });
      }
    }
  }
  return verdicts;
}

/** `text` as a document, or a refusal naming `what` when it is not JSON. */
function parsed(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
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
  const kinds = [...new Set<DocumentKind>(['OpenAPI', ...verdicts.map((verdict) => verdict.kind)])];
  const lines = [`${kinds.join(' and ')} breaking-change check against ${base}:`];
  for (const { service: name, kind, document, status, changes, override } of verdicts) {
    // A service's events are named apart from its HTTP API, which keeps the plain name the reports always had.
    const service = kind === 'OpenAPI' ? name : `${name} events`;
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
  const refused = [...new Set(verdicts.filter((verdict) => verdict.changes.length > 0 && verdict.override === undefined).map(({ service }) => service))];
  if (refused.length > 0) {
    lines.push(`Breaking changes fail the build. When they are intended, say so in the commit message, one line a service:`);
    lines.push(...refused.map((service) => `  ${OVERRIDE_TRAILER}: ${service}: <why its clients can cope>`));
  }
  return lines.join('\n');
}

import { diffSpecs, type DiffResult } from 'openapi-diff';
import type { BreakingChange } from './breaking-change';
import { withOpenResponseObjects, type OpenApiDocument, type OpenApiOperation } from './open-response-objects';
import { findParameterChanges } from './parameter-changes';
import { requestFieldChanges, responseFieldChanges, type Schema } from './schema-changes';

/** Where in a document openapi-diff located a difference: `paths./orders.post.responses.201.content.application/json.schema`. */
interface Place {
  path: string;
  method?: string;
  /** What follows the method: `responses.201.content.application/json.schema`, `requestBody.content.…`. */
  rest?: string;
}

const METHODS = 'get|put|post|delete|options|head|patch|trace';

function placeOf(location: string): Place {
  const match = new RegExp(`^paths\\.(.+?)(?:\\.(${METHODS})(?:\\.(.*))?)?$`).exec(location);
  return match ? { path: match[1], method: match[2], rest: match[3] } : { path: location };
}

function operationAt(document: OpenApiDocument, { path, method }: Place): OpenApiOperation | undefined {
  return method ? (document.paths?.[path]?.[method] as OpenApiOperation | undefined) : undefined;
}

/** The schema at `rest` (`responses.200.content.application/json.schema` or `requestBody.content.….schema`). */
function schemaAt(operation: OpenApiOperation | undefined, rest: string): Schema | undefined {
  const response = /^responses\.([^.]+)\.content\.(.+)\.schema$/.exec(rest);
  if (response) return operation?.responses?.[response[1]]?.content?.[response[2]]?.schema as Schema | undefined;
  const request = /^requestBody\.content\.(.+)\.schema$/.exec(rest);
  if (request) return operation?.requestBody?.content?.[request[1]]?.schema as Schema | undefined;
  return undefined;
}

/** One line naming what broke, with the fields named when the schemas say which. */
function describeDifference(difference: DiffResult<'breaking'>, before: OpenApiDocument, after: OpenApiDocument): string {
  const location = (difference.sourceSpecEntityDetails[0] ?? difference.destinationSpecEntityDetails[0])?.location ?? '';
  const place = placeOf(location);
  const route = `${place.method?.toUpperCase() ?? ''} ${place.path}`.trim();
  const rest = place.rest ?? '';
  const status = /^responses\.([^.]+)/.exec(rest)?.[1];
  switch (difference.code) {
    case 'path.remove':
      return `removed route ${place.path}`;
    case 'method.remove':
      return `removed method ${route}`;
    case 'response.status-code.remove':
      return `removed documented status ${status} of ${route}`;
    case 'response.body.scope.add':
    case 'request.body.scope.remove': {
      const response = difference.code === 'response.body.scope.add';
      const [then, now] = [schemaAt(operationAt(before, place), rest), schemaAt(operationAt(after, place), rest)];
      const fields = then && now ? (response ? responseFieldChanges(then, now) : requestFieldChanges(then, now)) : [];
      const what = response ? `${route} ${status} response` : `${route} request body`;
      const fallback = response ? 'answers values clients did not expect' : 'refuses requests it accepted';
      return `${what}: ${fields.length > 0 ? fields.join('; ') : fallback}`;
    }
    default:
      return `${difference.code} at ${location}`;
  }
}

/**
 * The changes from `before` to `after` that can break a client built against `before`, classified by openapi-diff
 * (a removed route, method or documented status; a response that may now carry values it could not; a request
 * body that refuses what it accepted) and named down to the field where the schemas allow; parameters, which
 * openapi-diff leaves out, by `findParameterChanges`. Additive changes (a new route, status, optional request field
 * or parameter, or response field) answer an empty list.
 */
export async function findBreakingChanges(before: OpenApiDocument, after: OpenApiDocument): Promise<BreakingChange[]> {
  const spec = (document: OpenApiDocument, location: string) => ({
    content: JSON.stringify(withOpenResponseObjects(document)),
    location,
    format: 'openapi3' as const,
  });
  const outcome = await diffSpecs({ sourceSpec: spec(before, 'before'), destinationSpec: spec(after, 'after') });
  const classified = outcome.breakingDifferencesFound
    ? outcome.breakingDifferences.map((difference) => ({ code: difference.code, description: describeDifference(difference, before, after) }))
    : [];
  return [...classified, ...findParameterChanges(before, after)];
}

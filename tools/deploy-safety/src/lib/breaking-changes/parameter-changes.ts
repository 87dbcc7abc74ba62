import type { BreakingChange } from './breaking-change';
import type { OpenApiDocument } from './open-response-objects';
import { narrowedKeywords, type Schema } from './schema-changes';

/** A parameter as OpenAPI 3 declares it on a path or an operation. */
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The parameters that apply to `method` on `path`: the path's, overridden by the operation's (by `in` and name). */
function parametersOf(document: OpenApiDocument, path: string, method: string): Map<string, Parameter> {
  const item = (document.paths?.[path] ?? {}) as Record<string, { parameters?: Parameter[] } | Parameter[] | undefined>;
  const declared = [...((item['parameters'] as Parameter[] | undefined) ?? []), ...((item[method] as { parameters?: Parameter[] })?.parameters ?? [])];
  return new Map(declared.filter((parameter) => parameter.name && parameter.in).map((parameter) => [`${parameter.in} ${parameter.name}`, parameter]));
}

/**
 * What openapi-diff does not compare (its OpenAPI 3 support leaves parameters out): on every operation both
 * documents have, a query, header or cookie parameter added as required, made required, or narrowed. A client
 * that sent the previous requests would be refused.
 */
export function findParameterChanges(before: OpenApiDocument, after: OpenApiDocument): BreakingChange[] {
  const changes: BreakingChange[] = [];
  for (const [path, item] of Object.entries(after.paths ?? {})) {
    for (const method of METHODS.filter((name) => name in item && before.paths?.[path]?.[name])) {
      const [then, now] = [parametersOf(before, path, method), parametersOf(after, path, method)];
      const route = `${method.toUpperCase()} ${path}`;
      for (const [key, parameter] of now) {
        const previous = then.get(key);
        const what = `${route} request: ${parameter.in} parameter ${parameter.name}`;
        if (!previous) {
          if (parameter.required) changes.push({ code: 'request.parameter.add-required', description: `${what} added as required` });
          continue;
        }
        if (parameter.required && !previous.required) changes.push({ code: 'request.parameter.made-required', description: `${what} made required` });
        const narrowed = previous.schema && parameter.schema ? narrowedKeywords(previous.schema, parameter.schema) : '';
        if (narrowed) changes.push({ code: 'request.parameter.narrowed', description: `${what} narrowed (${narrowed})` });
      }
    }
  }
  return changes;
}

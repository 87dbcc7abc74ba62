import { DEADLINE_HEADER, ErrorBodyOpenApiSchema } from '@boundary/http-conventions';
import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_BUDGET_MS } from './request-deadline';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const errorBody = { 'application/json': { schema: ErrorBodyOpenApiSchema } };

/**
 * The document with what the services' adapter does with `x-deadline-ms` on every route (`arrivalDeadline`), where a
 * route does not say it itself: the optional header, `400 INVALID_DEADLINE` for a malformed one and `503
 * DEADLINE_EXCEEDED` for a budget spent on arrival — for the clients in other languages, which read only this.
 */
export function withDeadlineHeader(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation === undefined) continue;
      const parameters = (operation.parameters ??= []);
      if (!parameters.some((parameter) => 'name' in parameter && parameter.name.toLowerCase() === DEADLINE_HEADER)) {
        parameters.push({
          name: DEADLINE_HEADER,
          in: 'header',
          required: false,
          description:
            `The caller's budget for this request in whole milliseconds (0 to ${MAX_BUDGET_MS}); calls the service makes ` +
            'to serve it spend at most what is left of it. Malformed: 400 INVALID_DEADLINE; spent on arrival: 503 DEADLINE_EXCEEDED.',
          schema: { type: 'string', pattern: '^[0-9]+$' },
        });
      }
      operation.responses['400'] ??= { description: `Malformed ${DEADLINE_HEADER} (INVALID_DEADLINE)`, content: errorBody };
      operation.responses['503'] ??= { description: `The caller's ${DEADLINE_HEADER} was spent on arrival (DEADLINE_EXCEEDED)`, content: errorBody };
    }
  }
  return document;
}

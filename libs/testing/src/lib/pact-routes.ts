import { readFileSync } from 'node:fs';
import { answers, type HttpAnswer } from './http-answers';
import type { RouteConditions } from './http-route';
import { filledIn, type ProviderState } from './provider-state';

/** Which interactions of a pact a double plays. */
export interface PactSelection {
  /**
   * The provider states to play, with their parameters filled in (`'user user123 has 2 orders'` for the state
   * `user {userId} has {count} orders` with `{ userId: 'user123', count: 2 }`), or as the contract's definitions
   * give them (`ORDER_PROVIDER_STATES.userHasOrders({ userId: 'user123', count: 2 })`). An interaction is played
   * when every state it names is chosen; one that names none holds in any state and is always played. Omitted:
   * every interaction. A state the pact does not name fails at once.
   */
  readonly states?: readonly (string | ProviderState)[];
}

/** One interaction of a pact as a route of the `HttpServiceDouble`. */
export interface PactRoute {
  readonly description: string;
  readonly states: readonly string[];
  readonly method: string;
  readonly path: string;
  readonly conditions: RouteConditions;
  readonly answer: HttpAnswer;
}

/** A pact file holds something this reader cannot play, or a chosen state it does not name. */
export class PactDoubleError extends Error {
  constructor(file: string, problem: string) {
    super(`HttpServiceDouble.fromPact(${file}): ${problem}`);
    this.name = 'PactDoubleError';
  }
}

type Values = string | readonly string[];
interface PactInteraction {
  type?: string;
  description?: string;
  providerState?: string;
  providerStates?: readonly { name: string; params?: Record<string, unknown> }[];
  request?: { method?: string; path?: string; query?: string | Record<string, Values>; headers?: Record<string, Values> };
  response?: { status?: number; headers?: Record<string, Values>; body?: unknown };
}

/**
 * The HTTP interactions of the pact in `file` (Pact specification 2 to 4) chosen by `selection`, in file order.
 * Each route matches the interaction's example request exactly — method, path, query and headers; matching rules
 * are not applied — and answers its example response.
 */
export function readPactRoutes(file: string, selection: PactSelection = {}): PactRoute[] {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: PactInteraction[] };
  const routes = (pact.interactions ?? [])
    .filter((i) => i.type === undefined || i.type === 'Synchronous/HTTP')
    .map((i) => toRoute(file, i));
  if (selection.states === undefined) return routes;
  const known = new Set(routes.flatMap((r) => r.states));
  const chosen = new Set(selection.states.map((state) => (typeof state === 'string' ? state : filledIn(state))));
  const unknown = [...chosen].filter((state) => !known.has(state));
  if (unknown.length > 0) {
    throw new PactDoubleError(
      file,
      `no interaction in the state ${unknown.map(quote).join(', ')}; states of this pact: ${[...known].map(quote).join(', ')}`,
    );
  }
  return routes.filter((route) => route.states.every((state) => chosen.has(state)));
}

function toRoute(file: string, interaction: PactInteraction): PactRoute {
  const { request = {}, response = {} } = interaction;
  if (request.method === undefined || request.path === undefined || response.status === undefined) {
    throw new PactDoubleError(file, `interaction ${quote(interaction.description ?? '?')} has no request method, path or response status`);
  }
  const states = interaction.providerStates?.map(filledIn) ?? (interaction.providerState ? [interaction.providerState] : []);
  const query = queryOf(request.query);
  const headers = request.headers && joinValues(request.headers);
  return {
    description: interaction.description ?? '',
    states,
    method: request.method.toUpperCase(),
    path: request.path,
    conditions: { ...(query && { query }), ...(headers && { headers }) },
    answer: answerOf(response.status, response.headers ? joinValues(response.headers) : {}, response.body),
  };
}

/** A V4 body is `{ content, contentType, encoded }`; a V2/V3 body is the content itself. */
function answerOf(status: number, headers: Record<string, string>, body: unknown): HttpAnswer {
  if (!isV4Body(body)) return answers(status, body ?? '', headers);
  const content = body.encoded === 'base64' && typeof body.content === 'string' ? Buffer.from(body.content, 'base64').toString() : body.content;
  if (typeof content === 'string' && /json/i.test(body.contentType ?? '')) return answers(status, JSON.parse(content), headers);
  return answers(status, content ?? '', headers);
}

function isV4Body(body: unknown): body is { content?: unknown; contentType?: string; encoded?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'content' in body && 'contentType' in body;
}

function queryOf(query: string | Record<string, Values> | undefined): Record<string, string> | undefined {
  if (query === undefined || query === '') return undefined;
  return typeof query === 'string' ? Object.fromEntries(new URLSearchParams(query)) : joinValues(query, ',');
}

function joinValues(values: Record<string, Values>, separator = ', '): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? value : value.join(separator)]));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBreakingChanges } from './find-breaking-changes';
import type { OpenApiDocument } from './open-response-objects';
import type { Schema } from './schema-changes';

const workspaceRoot = join(__dirname, '../../../../..');

/** A service's committed document, read fresh: each case changes its own copy. */
function committed(service: string): OpenApiDocument {
  return JSON.parse(readFileSync(join(workspaceRoot, 'apps', service, 'openapi.json'), 'utf8'));
}

/** The JSON schema of one operation's answer or request body in `document`. */
function body(document: OpenApiDocument, path: string, method: string, part: string): Schema {
  const operation = document.paths?.[path]?.[method] as Record<string, Record<string, { content: Record<string, { schema: Schema }> }>>;
  const holder = part === 'request' ? (operation['requestBody'] as unknown as { content: Record<string, { schema: Schema }> }) : operation['responses'][part];
  return holder.content['application/json'].schema;
}

/** The descriptions of the breaking changes from the committed `service` document to the one `change` makes of it. */
async function breakingAfter(service: string, change: (document: OpenApiDocument) => void): Promise<string[]> {
  const after = committed(service);
  change(after);
  return (await findBreakingChanges(committed(service), after)).map((found) => found.description);
}

const anOrder = (document: OpenApiDocument) => body(document, '/orders/{orderId}', 'get', '200');
const createOrder = (document: OpenApiDocument) => body(document, '/orders', 'post', 'request');
const userOrders = (document: OpenApiDocument) => body(document, '/users/{userId}/orders', 'get', '200');

describe('findBreakingChanges on the services’ real documents', () => {
  it('finds nothing between a document and itself', async () => {
    expect(await breakingAfter('order-service', () => undefined)).toEqual([]);
  });

  it('names a removed route', async () => {
    expect(await breakingAfter('order-service', (document) => delete document.paths?.['/orders/{orderId}'])).toEqual([
      'removed route /orders/{orderId}',
    ]);
  });

  it('names a removed method', async () => {
    const removePost = (document: OpenApiDocument) => {
      const { post, ...others } = document.paths?.['/orders'] ?? {};
      (document.paths as Record<string, unknown>)['/orders'] = { ...others, get: post };
    };
    expect(await breakingAfter('order-service', removePost)).toEqual(['removed method POST /orders']);
  });

  it('names a removed documented status', async () => {
    const drop404 = (document: OpenApiDocument) =>
      delete (document.paths?.['/orders/{orderId}']?.['get'] as { responses: Record<string, unknown> }).responses['404'];
    expect(await breakingAfter('order-service', drop404)).toEqual(['removed documented status 404 of GET /orders/{orderId}']);
  });

  it('names a removed response field', async () => {
    const dropQuantity = (document: OpenApiDocument) => {
      const order = anOrder(document);
      delete order.properties?.['quantity'];
      order.required = order.required?.filter((name) => name !== 'quantity');
    };
    expect(await breakingAfter('order-service', dropQuantity)).toEqual(['GET /orders/{orderId} 200 response: quantity removed']);
  });

  it('names a response field made optional', async () => {
    const optionalItem = (document: OpenApiDocument) => {
      const order = anOrder(document);
      order.required = order.required?.filter((name) => name !== 'item');
    };
    expect(await breakingAfter('order-service', optionalItem)).toEqual(['GET /orders/{orderId} 200 response: item made optional']);
  });

  it('names a response field of a wider type, inside a list, in the User Service’s public API', async () => {
    const widen = (document: OpenApiDocument) => {
      const order = userOrders(document).properties?.['orders']?.items?.properties ?? {};
      order['quantity'] = { ...order['quantity'], type: 'number' };
    };
    expect(await breakingAfter('user-service', widen)).toEqual([
      'GET /users/{userId}/orders 200 response: orders[].quantity widened (type integer → number)',
    ]);
  });

  it('names a request field added as required', async () => {
    const requireCurrency = (document: OpenApiDocument) => {
      const request = createOrder(document);
      request.properties = { ...request.properties, currency: { type: 'string' } };
      request.required = [...(request.required ?? []), 'currency'];
    };
    expect(await breakingAfter('order-service', requireCurrency)).toEqual(['POST /orders request body: currency added as required']);
  });

  it('names a request field made narrower', async () => {
    const shorterItem = (document: OpenApiDocument) => {
      const item = createOrder(document).properties?.['item'];
      if (item) item['maxLength'] = 20;
    };
    expect(await breakingAfter('order-service', shorterItem)).toEqual(['POST /orders request body: item narrowed (maxLength 200 → 20)']);
  });

  it('names a query parameter added as required, one made required, and one narrowed (parameters openapi-diff skips)', async () => {
    const parameters = (document: OpenApiDocument) =>
      (document.paths?.['/users/{userId}/orders']?.['get'] as { parameters: { name: string; in: string; required: boolean; schema: Schema }[] }).parameters;
    const stricterHistory = (document: OpenApiDocument) => {
      const declared = parameters(document);
      declared.push({ name: 'currency', in: 'query', required: true, schema: { type: 'string' } });
      const limit = declared.find((parameter) => parameter.name === 'limit');
      if (limit) Object.assign(limit, { required: true, schema: { ...limit.schema, type: 'integer', maximum: 10 } });
    };
    expect(await breakingAfter('user-service', stricterHistory)).toEqual([
      'GET /users/{userId}/orders request: query parameter limit made required',
      'GET /users/{userId}/orders request: query parameter limit narrowed (type any → integer, maximum none → 10)',
      'GET /users/{userId}/orders request: query parameter currency added as required',
    ]);
  });

  it('passes additive changes: a new route, a new status, an optional request field and a new response field', async () => {
    const additive = (document: OpenApiDocument) => {
      const paths = document.paths as Record<string, Record<string, unknown>>;
      paths['/orders/{orderId}/items'] = paths['/orders/{orderId}'];
      const get = paths['/orders/{orderId}']['get'] as { responses: Record<string, unknown> };
      // A status the route does not document yet (it has 503 since every route documents x-deadline-ms's answers).
      expect(get.responses['500']).toBeUndefined();
      get.responses['500'] = { description: 'Unexpected failure' };
      const request = createOrder(document);
      request.properties = { ...request.properties, note: { type: 'string' } };
      const history = document.paths?.['/users/{userId}/orders']?.['get'] as { parameters: unknown[] };
      history.parameters.push({ name: 'sort', in: 'query', required: false, schema: { type: 'string' } });
      const order = anOrder(document);
      order.properties = { ...order.properties, currency: { type: 'string' } };
      order.required = [...(order.required ?? []), 'currency'];
    };
    expect(await breakingAfter('order-service', additive)).toEqual([]);
  });
});

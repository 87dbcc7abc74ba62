/** One change of an OpenAPI document that can break a client built against the previous one. */
export interface BreakingChange {
  /** What openapi-diff classified (`path.remove`, `response.body.scope.add`, …). */
  code: string;
  /** One line naming the route, method, status and field: `GET /orders/{orderId} 200 response: quantity removed`. */
  description: string;
}

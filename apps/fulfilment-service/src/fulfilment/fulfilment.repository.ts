/**
 * Where the Fulfilment Service keeps its data. Controllers depend on this abstraction only, so storage can change
 * without touching the HTTP layer; each route adds the queries it needs here and in its implementation (`InMemoryFulfilmentRepository`).
 */
export abstract class FulfilmentRepository {}

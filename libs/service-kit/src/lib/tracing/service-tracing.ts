import type { IncomingMessage } from 'node:http';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { TRACING_OFF_BY_DEFAULT } from './tracing-defaults';

/** What the SDK's `instrumentations` option takes (the type lives in @opentelemetry/instrumentation, not a dependency here). */
type Instrumentations = NonNullable<NonNullable<ConstructorParameters<typeof NodeSDK>[0]>['instrumentations']>;

/** Kubernetes' and the image replay's probes would otherwise be most of a service's spans. */
const PROBE_PATH = /^\/health\//;

/**
 * Starts OpenTelemetry's Node SDK for a service, before Nest (and the modules it patches) is loaded: the services'
 * `tracing.js`, preloaded with `node --require`. Configured by the standard `OTEL_*` variables; every exporter
 * (traces, metrics, logs) is `none` until one is set, so nothing leaves the process by default, while W3C trace
 * context still crosses every hop (an incoming `traceparent` is carried into the calls the request makes).
 *
 * The instrumentations are those that patch what a service's bundle loads from node_modules: node:http (the
 * Fastify server and axios' http adapter under the client core), pg (PostgreSQL; PGlite has none) and amqplib (the
 * RabbitMQ transport of `@nestjs/microservices`).
 */
export function startServiceTracing(serviceName: string): NodeSDK {
  // The SDK reads process.env itself, when it is constructed.
  const env = process.env;
  for (const [name, value] of Object.entries(TRACING_OFF_BY_DEFAULT)) {
    if (!env[name]?.trim()) env[name] = value;
  }
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, names the service; the SDK's own option would override it.
    ...(env['OTEL_SERVICE_NAME']?.trim() ? {} : { serviceName }),
    instrumentations: serviceInstrumentations(env),
  });
  sdk.start();
  return sdk;
}

/**
 * The instrumentations a service loads. amqplib's carries the trace context over messages (into a message's headers
 * at publish, out of them at consume), so it is always on. With a traces exporter node:http's (server and client
 * spans, and the incoming context) and pg's make the spans. With none, nothing would record those spans, and
 * node:http's alone cost the chain about half its CPU again (bench/RESULTS.md, chain throughput, issue 28's rows):
 * the service's Fastify adapter then carries the caller's context into each request itself (`callerTraceContext`),
 * and the client core sends it on.
 *
 * Every span is serialised and sent, so each kind must earn its cost (bench/RESULTS.md, issue 28's levers). Nest's
 * instrumentation is not loaded: its two spans per request named the handler, which the Fastify adapter now writes on
 * the server span (`nameServerSpan`). pg's makes no span for a query outside any trace (the outbox relay's polls,
 * migrations) nor for taking a pooled connection: the query spans remain.
 */
export function serviceInstrumentations(env: NodeJS.ProcessEnv): Instrumentations {
  const messages = new AmqplibInstrumentation();
  if (!exportsTraces(env)) return [messages];
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => PROBE_PATH.test(request.url ?? ''),
    }),
    messages,
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
  ];
}

/** As the SDK reads OTEL_TRACES_EXPORTER: spans are exported unless the list is empty or starts with `none`. */
function exportsTraces(env: NodeJS.ProcessEnv): boolean {
  const [first = 'none'] = (env['OTEL_TRACES_EXPORTER'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return first !== 'none';
}

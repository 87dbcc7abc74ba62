import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { TRACING_OFF_BY_DEFAULT } from './tracing-defaults';

/** What the SDK's `instrumentations` option takes (the type lives in @opentelemetry/instrumentation, not a dependency here). */
type Instrumentations = NonNullable<NonNullable<ConstructorParameters<typeof NodeSDK>[0]>['instrumentations']>;

/**
 * Starts OpenTelemetry's Node SDK for a service, before Nest (and the modules it patches) is loaded: the services'
 * `tracing.js`, preloaded with `node --require`. Configured by the standard `OTEL_*` variables; every exporter
 * (traces, metrics, logs) is `none` until one is set, so nothing leaves the process by default, while W3C trace
 * context still crosses every hop (an incoming `traceparent` is carried into the calls the request makes).
 *
 * The HTTP spans are the services' own: the Fastify adapter's server span per request (`serverSpanContext`), the
 * client core's call span and a client span per attempt. The instrumentations are those that patch what a service's
 * bundle loads from node_modules and that nothing of ours covers: pg (PostgreSQL; PGlite has none) and amqplib (the
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
 * at publish, out of them at consume), so it is always on. With a traces exporter pg's makes the query spans; it makes
 * none for a query outside any trace (the outbox relay's polls, migrations) nor for taking a pooled connection.
 *
 * node:http's instrumentation is not loaded, exporting or not: it binds every request's and response's emitters and
 * wraps their listeners whether its spans record or not, which cost the chain about half its CPU again with no
 * exporter and 1.66–1.71× exporting, against 1.28× with the services' own spans (bench/RESULTS.md, issue 28). Nor is
 * Nest's: its two spans per request named the handler, which the server span's name (the route) already says.
 */
export function serviceInstrumentations(env: NodeJS.ProcessEnv): Instrumentations {
  const messages = new AmqplibInstrumentation();
  if (!exportsTraces(env)) return [messages];
  return [messages, new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true })];
}

/** As the SDK reads OTEL_TRACES_EXPORTER: spans are exported unless the list is empty or starts with `none`. */
function exportsTraces(env: NodeJS.ProcessEnv): boolean {
  const [first = 'none'] = (env['OTEL_TRACES_EXPORTER'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return first !== 'none';
}

// Preloaded before main.js (`node --require ./tracing.js main.js`): OpenTelemetry must patch node:http, Nest, pg and
// amqplib before they are first loaded. Off until an OTEL_*_EXPORTER variable is set; see the README's Tracing.
import { startServiceTracing } from '@boundary/service-kit/tracing';

startServiceTracing('fulfilment-service');

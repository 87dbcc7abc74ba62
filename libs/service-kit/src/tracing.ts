// `@boundary/service-kit/tracing`: OpenTelemetry's Node SDK for a service, started from its preloaded `tracing.js`
// before Nest loads. An entry point of its own: the SDK and its instrumentations load only where tracing is wanted.
export * from './lib/tracing/service-tracing';
export * from './lib/tracing/tracing-defaults';

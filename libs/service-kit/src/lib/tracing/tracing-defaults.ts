/**
 * The SDK's own default for every signal is OTLP to localhost: a service would send (and log failures) the moment
 * it starts. Each exporter is off until its variable says otherwise.
 */
export const TRACING_OFF_BY_DEFAULT = {
  OTEL_TRACES_EXPORTER: 'none',
  OTEL_METRICS_EXPORTER: 'none',
  OTEL_LOGS_EXPORTER: 'none',
} as const;

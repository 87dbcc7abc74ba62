import type * as OpenTelemetryApi from '@opentelemetry/api';

let api: typeof OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api`, an optional peer of the kit: loaded on the first call; `null` in a project without it, whose
 * doubles then record and carry no trace context.
 */
export function openTelemetryApi(): typeof OpenTelemetryApi | null {
  if (api === undefined) {
    try {
      api = require('@opentelemetry/api') as typeof OpenTelemetryApi;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      api = null;
    }
  }
  return api;
}

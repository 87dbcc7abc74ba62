import { join } from 'node:path';
import type { BenchProcesses } from './bench-process';
import { bodyOf } from './chain-window';

/** What the sink received: OTLP export requests and their bytes. */
export interface OtlpReceived {
  exports: number;
  bytes: number;
}

/**
 * One OTLP/HTTP sink (`otlp-sink.mjs`, a stand-in collector in a process of its own) for every exporting chain of a
 * run, started by the first chain that asks for it.
 */
export class OtlpSink {
  private url: string | undefined;

  constructor(private readonly processes: BenchProcesses) {}

  /** The variables that make a service export its traces to the sink. */
  async exportingEnv(): Promise<Record<string, string>> {
    this.url ??= (await this.processes.start('OTLP sink', [join(__dirname, 'otlp-sink.mjs')], {}, '/')).url;
    return { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: this.url };
  }

  /** What the sink has received so far; undefined when no chain exported. */
  async received(): Promise<OtlpReceived | undefined> {
    return this.url ? (JSON.parse(await bodyOf(this.url)) as OtlpReceived) : undefined;
  }
}

import { createServer, type Server } from 'node:http';

/** OTLP's SpanKind values. */
export const SpanKind = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

/** One span as an OTLP/JSON export carries it, with the service that sent it. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: (Omit<ReceivedSpan, 'service' | 'attributes' | 'parentSpanId'> & { parentSpanId?: string; attributes?: OtlpAttribute[] })[] }[];
  }[];
}

/**
 * The smallest OpenTelemetry collector a test needs: OTLP over HTTP with JSON (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`)
 * on 127.0.0.1, keeping every span it is sent.
 */
export class OtlpReceiver {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    readonly spans: ReceivedSpan[],
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const spans: ReceivedSpan[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') spans.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString()) as OtlpExport));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return new OtlpReceiver(server, `http://127.0.0.1:${port}`, spans);
  }

  /** What a service needs in its environment to export its spans here, soon after they end. */
  get env(): Record<string, string> {
    return {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: this.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
  }

  /** The spans of `traceId` received so far. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  /** Waits up to `timeoutMs` until `done` holds of the spans received; returns them either way. */
  async waitFor(done: (spans: ReceivedSpan[]) => boolean, timeoutMs = 15_000): Promise<ReceivedSpan[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.spans) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.spans;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The spans of one OTLP/JSON export, each with the service that sent it. */
function spansOf(exported: OtlpExport): ReceivedSpan[] {
  return (exported.resourceSpans ?? []).flatMap(({ resource, scopeSpans }) => {
    const service = String(valueOf(resource?.attributes?.find((a) => a.key === 'service.name')?.value) ?? '');
    return (scopeSpans ?? []).flatMap(({ spans }) =>
      (spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        kind: span.kind,
        attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
      })),
    );
  });
}

function valueOf(value: OtlpValue | undefined): unknown {
  if (!value) return undefined;
  return value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue;
}

/** The spans, one a line with service, kind, name and parent: what a failure shows. */
export function listed(spans: readonly ReceivedSpan[]): string {
  return spans.map((s) => `\n  ${s.service} kind=${s.kind} ${s.name} ${s.spanId} ← ${s.parentSpanId || '(root)'}`).join('');
}

/** The one span of `service` of `kind` in `spans` that `which` picks, failing with the spans seen. */
export function spanOf(spans: readonly ReceivedSpan[], service: string, kind: number, which: (span: ReceivedSpan) => boolean = () => true): ReceivedSpan {
  const found = spans.filter((span) => span.service === service && span.kind === kind && which(span));
  if (found.length !== 1) throw new Error(`expected one span of ${service} of kind ${kind}, got ${found.length}: ${listed(spans)}`);
  return found[0];
}

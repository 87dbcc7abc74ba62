// The part of autocannon 9's programmatic API the benches use (the package ships no types; @types/autocannon is not
// installed to keep dependencies to what the project pins).
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method: 'GET';
      path: string;
      onResponse?: (status: number, body: string) => void;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      pipelining?: number;
      /** Requests per second across all connections (no limit when absent). */
      overallRate?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Requests each connection cycles through (soak: a mix of paths). */
      requests?: Request[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
      total: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}

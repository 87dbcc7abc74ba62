// The slice of autocannon 8's API that bench/soak.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Request {
    method: 'GET';
    path: string;
    onResponse?: (status: number, body: string) => void;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    timeout: number;
    requests: Request[];
  }
  interface Result {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}

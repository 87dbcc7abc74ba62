import type Nock from 'nock';

/**
 * nock overrides node:http's globals as soon as it is loaded, and in Jest core modules are shared by every later
 * file of the worker. Loaded here, on the first interception, importing the testing kit for a stub or the
 * `HttpService` double leaves the way requests are sent untouched.
 */
function loadNock(): typeof Nock {
  return require('nock') as typeof Nock;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/;

/**
 * Network-level interception for endpoint tests: every request to a non-loopback host must match a nock
 * interceptor. Call `start()` in `beforeEach` and `verify()` in `afterEach`: `verify()` fails the test when a
 * request matched nothing or an interceptor was never used, then resets nock. Loopback stays open so a test can
 * still reach an app under test that listens on a real socket (an in-process `inject()` needs no network at all).
 */
export class HttpInterception {
  private unmatched: string[] = [];
  private readonly recordUnmatched = (req: { method?: string; href?: string; hostname?: string }) => {
    // nock reports every request it does not intercept, including the allowed loopback ones.
    if (LOOPBACK.test(req.hostname ?? '')) return;
    this.unmatched.push(`${req.method ?? '?'} ${req.href ?? '?'}`);
  };

  start(): void {
    const nock = loadNock();
    this.unmatched = [];
    nock.disableNetConnect();
    nock.enableNetConnect((host) => LOOPBACK.test(host.replace(/:\d+$/, '')));
    nock.emitter.on('no match', this.recordUnmatched);
  }

  /** Throws, naming them, if any request was unmatched or any interceptor unused; always cleans up. */
  verify(): void {
    const nock = loadNock();
    const unused = nock.pendingMocks();
    const unmatched = this.unmatched;
    nock.emitter.removeListener('no match', this.recordUnmatched);
    nock.cleanAll();
    nock.enableNetConnect();
    const problems = [
      ...unmatched.map((r) => `unmatched request: ${r}`),
      ...unused.map((m) => `unused interceptor: ${m}`),
    ];
    if (problems.length > 0) throw new Error(`HTTP interception failed:\n  ${problems.join('\n  ')}`);
  }
}

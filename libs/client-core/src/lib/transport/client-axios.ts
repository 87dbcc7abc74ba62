import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import axios, { type AxiosInstance } from 'axios';

/**
 * The axios instance under a client's `HttpService`: axios' own `http` adapter (so nock, and with it every
 * endpoint test, sees each request) on keep-alive agents, without redirects (a provider's API does not redirect;
 * following one would resend the token elsewhere) and without proxy lookup (service-to-service traffic; reading
 * the proxy variables per request is measurable). Chosen by measurement, see bench/RESULTS.md. Owns the agents'
 * connections and closes them when the application shuts down.
 */
@Injectable()
export class ClientAxios implements OnApplicationShutdown {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });
  readonly instance: AxiosInstance = axios.create({
    adapter: 'http',
    httpAgent: this.httpAgent,
    httpsAgent: this.httpsAgent,
    maxRedirects: 0,
    proxy: false,
  });

  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

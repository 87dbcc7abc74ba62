import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import axios, { type AxiosInstance } from 'axios';
import { Agent } from 'undici';
import { ORDER_CLIENT_OPTIONS } from '../order-client.module-definition';
import type { OrderClientTransportOptions } from './order-client-transport.options';
import { undiciAdapter } from './undici.adapter';

/**
 * The axios instance under the client's `HttpService`, built for the configured transport. Owns the connections
 * it opens and closes them when the application shuts down.
 */
@Injectable()
export class OrderClientAxios implements OnApplicationShutdown {
  readonly instance: AxiosInstance;
  private readonly close: () => Promise<void> | void;

  constructor(@Inject(ORDER_CLIENT_OPTIONS) { transport = 'http', keepAlive = true }: OrderClientTransportOptions) {
    switch (transport) {
      case 'fetch':
        // Node's global fetch: its dispatcher keeps connections alive, and nock 14 intercepts it in tests.
        this.instance = axios.create({ adapter: 'fetch' });
        this.close = () => undefined;
        break;
      case 'http': {
        const httpAgent = new HttpAgent({ keepAlive });
        const httpsAgent = new HttpsAgent({ keepAlive });
        // No redirects (axios then skips follow-redirects) and no proxy lookup from the environment per request:
        // less CPU per call than axios' defaults (client cost per call, bench/RESULTS.md).
        this.instance = axios.create({ adapter: 'http', httpAgent, httpsAgent, maxRedirects: 0, proxy: false });
        this.close = () => {
          httpAgent.destroy();
          httpsAgent.destroy();
        };
        break;
      }
      case 'undici': {
        const agent = new Agent();
        this.instance = axios.create({ adapter: undiciAdapter(agent, { reset: !keepAlive }) });
        this.close = () => agent.close();
        break;
      }
      default:
        throw new Error(`Unknown order client transport ${JSON.stringify(transport)}: use fetch, http or undici`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

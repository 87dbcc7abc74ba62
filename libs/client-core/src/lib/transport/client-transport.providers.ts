import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import { ClientAxios } from './client-axios';
import { ClientHttpService } from './client-http.service';

/**
 * What a client module provides under its client: `HttpService` as `ClientHttpService` on the tuned axios
 * instance. Provided by the client's module (not `HttpModule`) so each client owns its connections; tests still
 * replace it with `overrideProvider(HttpService)`.
 */
export function clientTransportProviders(): Provider[] {
  return [
    ClientAxios,
    { provide: HttpService, useFactory: (owner: ClientAxios) => new ClientHttpService(owner.instance), inject: [ClientAxios] },
  ];
}

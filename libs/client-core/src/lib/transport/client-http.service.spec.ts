import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { firstValueFrom } from 'rxjs';
import { axiosResponse } from '@boundary/testing';
import { ClientHttpService } from './client-http.service';

describe('ClientHttpService', () => {
  let sent: AxiosRequestConfig[];
  let answer: (value: unknown) => void;
  let fail: (error: unknown) => void;

  const service = () => {
    sent = [];
    const get = (_url: string, config: AxiosRequestConfig) => {
      sent.push(config);
      return new Promise((resolve, reject) => ((answer = resolve), (fail = reject)));
    };
    return new ClientHttpService({ get } as unknown as AxiosInstance);
  };

  it('emits the answer and completes, sending the caller’s config plus an AbortSignal and no CancelToken', async () => {
    const http = service();
    const response = firstValueFrom(http.get('http://orders.test/x', { headers: { Accept: 'application/json' } }));
    answer(axiosResponse([]));
    await expect(response).resolves.toMatchObject({ status: 200, data: [] });
    expect(sent).toEqual([{ headers: { Accept: 'application/json' }, signal: expect.any(AbortSignal) }]);
  });

  it('fails with the error axios rejects with', async () => {
    const http = service();
    const response = firstValueFrom(http.get('http://orders.test/x', {}));
    fail(new Error('ECONNREFUSED'));
    await expect(response).rejects.toThrow('ECONNREFUSED');
  });

  it('aborts the request when unsubscribed before the answer', () => {
    const http = service();
    http.get('http://orders.test/x', {}).subscribe().unsubscribe();
    expect(sent[0].signal?.aborted).toBe(true);
  });

  it('does not abort once the answer has arrived', async () => {
    const http = service();
    const response = firstValueFrom(http.get('http://orders.test/x', {}));
    answer(axiosResponse([]));
    await response;
    expect(sent[0].signal?.aborted).toBe(false);
  });

  it('leaves a caller’s own signal alone', () => {
    const http = service();
    const own = new AbortController();
    http.get('http://orders.test/x', { signal: own.signal }).subscribe().unsubscribe();
    expect(sent[0].signal).toBe(own.signal);
    expect(own.signal.aborted).toBe(false);
  });
});

describe('ClientHttpService with requests that manage their own cancellation', () => {
  it('leaves a caller’s CancelToken alone and adds no signal', () => {
    const sent: AxiosRequestConfig[] = [];
    const get = (_url: string, config: AxiosRequestConfig) => (sent.push(config), new Promise(() => undefined));
    const http = new ClientHttpService({ get } as unknown as AxiosInstance);
    const cancelToken = { promise: new Promise(() => undefined) } as unknown as AxiosRequestConfig['cancelToken'];
    http.get('http://orders.test/x', { cancelToken }).subscribe().unsubscribe();
    expect(sent[0]).toEqual({ cancelToken });
  });

  it('never aborts a streamed response on unsubscribe: the caller owns the stream', () => {
    const sent: AxiosRequestConfig[] = [];
    const get = (_url: string, config: AxiosRequestConfig) => (sent.push(config), new Promise(() => undefined));
    const http = new ClientHttpService({ get } as unknown as AxiosInstance);
    http.get('http://orders.test/x', { responseType: 'stream' }).subscribe().unsubscribe();
    expect(sent[0]).toEqual({ responseType: 'stream' });
  });
});

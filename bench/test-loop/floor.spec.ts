/**
 * The test loop's floor (bench:test-loop): a boundary test file that loads only what every module-level and endpoint
 * test needs — Nest's testing module on the Fastify adapter, `HttpService` over axios, rxjs and zod — and plays one
 * request through it, `HttpService` overridden as the module-level tests do. Its time to the first test is the
 * baseline a module-level file of a service is compared with: what such a file loads beyond this is the service's own.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpModule, HttpService } from '@nestjs/axios';
import { Controller, Get, Param } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AxiosHeaders, type AxiosResponse } from 'axios';
import { firstValueFrom, of } from 'rxjs';
import { z } from 'zod';

const CountSchema = z.object({ count: z.number().int().nonnegative() });

@Controller('users')
class OrderCountController {
  constructor(private readonly http: HttpService) {}

  @Get(':userId/order-count')
  async count(@Param('userId') userId: string): Promise<{ user_id: string; count: number }> {
    const response = await firstValueFrom(this.http.get(`http://order-service.test/users/${userId}/order-count`));
    return { user_id: userId, ...CountSchema.parse(response.data) };
  }
}

function answers(data: unknown): AxiosResponse {
  return { data, status: 200, statusText: 'OK', headers: {}, config: { headers: new AxiosHeaders() } };
}

describe('floor: a Nest app on Fastify with HttpService overridden', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [HttpModule], controllers: [OrderCountController] })
      .overrideProvider(HttpService)
      .useValue({ get: () => of(answers({ count: 2 })) })
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('answers the count the Order Service reports, validated', async () => {
    const response = await app.inject({ method: 'GET', url: '/users/user123/order-count' });
    expect({ status: response.statusCode, body: response.json() }).toEqual({ status: 200, body: { user_id: 'user123', count: 2 } });
  });
});

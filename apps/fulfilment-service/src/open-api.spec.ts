import { committedOpenApiDrift } from '@boundary/testing';
import { join } from 'node:path';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from './fulfilment-service.test-app';

describe('Fulfilment Service OpenAPI document', () => {
  let service: FulfilmentServiceTestApp;
  beforeAll(async () => {
    service = await startFulfilmentServiceTestApp();
  });
  afterAll(async () => {
    await service?.app.close();
  });

  // The breaking-change check (tools/deploy-safety) diffs this file across commits, so it must be what is served.
  it('equals the committed apps/fulfilment-service/openapi.json', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const drift = committedOpenApiDrift(body, {
      file: join(__dirname, '../openapi.json'),
      regenerate: 'UPDATE_OPENAPI=true npx nx test fulfilment-service --testPathPatterns=open-api.spec --skip-nx-cache',
      update: process.env['UPDATE_OPENAPI'] === 'true',
    });
    expect(drift).toBeUndefined();
  });
});

import { orderEventsAsyncApi } from '@boundary/order-events-contract';
import { committedDocumentDrift } from '@boundary/testing';
import { join } from 'node:path';

describe('Order Service AsyncAPI document', () => {
  // The breaking-change check (tools/deploy-safety) diffs this file across commits, so it must be what the contract says.
  it('equals the committed apps/order-service/asyncapi.json', () => {
    const drift = committedDocumentDrift(orderEventsAsyncApi(), {
      file: join(__dirname, '../asyncapi.json'),
      regenerate: 'UPDATE_ASYNCAPI=true npx nx test order-service --testPathPatterns=async-api.spec --skip-nx-cache',
      update: process.env['UPDATE_ASYNCAPI'] === 'true',
      source: 'the document generated from @boundary/order-events-contract',
    });
    expect(drift).toBeUndefined();
  });
});

import { join } from 'node:path';
import { EslintProcess } from './testing/eslint-process';

const workspaceRoot = join(__dirname, '../../..');
const eslint = new EslintProcess(workspaceRoot);
afterAll(() => eslint.close());

/** Lints a would-be file at `filePath` with the workspace's real ESLint config and returns the module-boundary complaints. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const messages = await eslint.lint(filePath, code);
  return messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('module boundaries (eslint.config.mjs)', () => {
  jest.setTimeout(30_000);

  // Each case: what the rule should say of a would-be file at that path importing that code.
  it.each<[string, string, string, unknown[]]>([
    [
      'let an app use the client and the contract',
      'apps/user-service/src/wiring.ts',
      `import { OrderServiceClient } from '@boundary/order-client';
import { OrderSchema } from '@boundary/order-contract';
export const used = [OrderServiceClient, OrderSchema];
`,
      [],
    ],
    [
      'forbid an app to import another app',
      'apps/user-service/src/wiring.ts',
      `import { OrderServiceModule } from '../../order-service/src/order-service.module';
export const used = OrderServiceModule;
`,
      [
        expect.stringMatching(/cannot be imported by a relative or absolute path/),
      ],
    ],
    [
      'forbid the contract lib any import but its schema library',
      'libs/order-contract/src/lib/schema.ts',
      `import { HttpModule } from '@nestjs/axios';
import { z } from 'zod';
export const used = [HttpModule, z];
`,
      [
        expect.stringMatching(/"type:contract" is not allowed to import "@nestjs\/axios"/),
      ],
    ],
    [
      'forbid the client lib to import an app-level or kit library',
      'libs/order-client/src/lib/x.ts',
      `import { JsonErrorFilter } from '@boundary/service-kit';
export const used = JsonErrorFilter;
`,
      [
        expect.stringMatching(/"type:client" can only depend on libs tagged with "type:contract"/),
      ],
    ],
    [
      'let a client library build on the client core and the shared HTTP conventions',
      'libs/order-client/src/lib/x.ts',
      `import { ProviderClient } from '@boundary/client-core';
import { REQUEST_ID_HEADER } from '@boundary/http-conventions';
export const used = [ProviderClient, REQUEST_ID_HEADER];
`,
      [],
    ],
    [
      'forbid the client core to import a client library: the core knows no provider',
      'libs/client-core/src/lib/x.ts',
      `import { OrderServiceClient } from '@boundary/order-client';
export const used = OrderServiceClient;
`,
      // The client already builds on the core, so the rule reports the cycle such an import would close.
      [
        expect.stringMatching(/^Circular dependency between "client-core" and "order-client" detected/),
      ],
    ],
    [
      'forbid the client core to import a service kit or an app',
      'libs/client-core/src/lib/x.ts',
      `import { JsonErrorFilter } from '@boundary/service-kit';
export const used = JsonErrorFilter;
`,
      [
        expect.stringMatching(/"type:client-core" can only depend on libs tagged with "type:contract"/),
      ],
    ],
    [
      'let a contract build on the shared HTTP conventions, and nothing heavier',
      'libs/order-contract/src/lib/x.ts',
      `import { isDotSegment } from '@boundary/http-conventions';
import { ProviderClient } from '@boundary/client-core';
export const used = [isDotSegment, ProviderClient];
`,
      [
        expect.stringMatching(/"type:contract" can only depend on libs tagged with "type:contract"/),
      ],
    ],
    [
      'forbid a provider’s contract to import its consumer’s: the inventory contract may not read the order contract',
      'libs/inventory-contract/src/lib/x.ts',
      `import { OrderSchema } from '@boundary/order-contract';
export const used = OrderSchema;
`,
      // The order contract builds on the inventory's, so the rule reports the cycle such an import would close; the
      // scope rule refuses it too, as the inventory client and service cases below show.
      [
        expect.stringMatching(/^Circular dependency between "inventory-contract" and "order-contract" detected/),
      ],
    ],
    [
      'let a consumer’s contract build on its provider’s: the order contract reuses the inventory’s item rule',
      'libs/order-contract/src/lib/x.ts',
      `import { ItemIdSchema } from '@boundary/inventory-contract';
export const used = ItemIdSchema;
`,
      [],
    ],
    [
      'forbid production code to import the test doubles',
      'apps/user-service/src/wiring.ts',
      `import { anOrder } from '@boundary/order-client/testing';
export const used = anOrder;
`,
      [
        expect.stringMatching(/Test doubles are for tests only/),
      ],
    ],
  ])('%s', async (_case, file, code, expected) => {
    expect(await boundaryErrors(file, code)).toEqual(expected);
  });

  describe('the Inventory Service’s projects, at the bottom of the chain', () => {
    const code = `import { OrderSchema } from '@boundary/order-contract';
export const used = OrderSchema;
`;

    it.each([
      ['its client library', 'libs/inventory-client/src/lib/x.ts'],
      ['the Inventory Service', 'apps/inventory-service/src/wiring.ts'],
    ])('may not import the order contract: %s', async (_case, file) => {
      expect(await boundaryErrors(file, code)).toEqual([
        'A project tagged with "scope:inventory" can only depend on libs tagged with "scope:inventory", "scope:shared"',
      ]);
    });
  });

  describe('the generic test kit @boundary/testing', () => {
    const code = `import { HttpServiceDouble } from '@boundary/testing';
export const used = HttpServiceDouble;
`;

    it.each([
      ['an app', 'apps/user-service/src/wiring.ts'],
      ['the client library', 'libs/order-client/src/lib/order-service.client.ts'],
      ['the service kit', 'libs/service-kit/src/lib/x.ts'],
    ])('is refused in production code of %s', async (_case, file) => {
      expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(/Test doubles are for tests only/)]);
    });

    it.each([
      ['a spec of an app', 'apps/user-service/src/user-orders/x.spec.ts'],
      ['the testing entry point of the client library', 'libs/order-client/src/testing/order-answers.ts'],
      ['an e2e spec', 'e2e/full-stack/src/x.spec.ts'],
      ['a spec of the service kit (recordingTracing)', 'libs/service-kit/src/lib/x.spec.ts'],
    ])('is allowed in %s', async (_case, file) => {
      expect(await boundaryErrors(file, code)).toEqual([]);
    });

    it('depends on no library of the workspace, published ones included', async () => {
      const conventions = `import { REQUEST_ID_HEADER } from '@boundary/http-conventions';
export const used = REQUEST_ID_HEADER;
`;
      expect(await boundaryErrors('libs/testing/src/lib/x.ts', conventions)).toEqual([
        'A project tagged with "type:testing" cannot depend on any libs with tags',
      ]);
    });
  });

  describe('a published package (a library with a build target)', () => {
    it('imports no library that is not published itself', async () => {
      const contract = `import { OrderSchema } from '@boundary/order-contract';
export const used = OrderSchema;
`;
      expect(await boundaryErrors('libs/client-core/src/lib/x.ts', contract)).toEqual([
        'Buildable libraries cannot import or export from non-buildable libraries',
      ]);
    });
  });
});

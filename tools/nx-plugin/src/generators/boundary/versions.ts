import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The release of the @boundary family this plugin belongs to: one version for all its packages (nx release). */
export const BOUNDARY_VERSION = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/** The kit's packages the generated code imports at run time, and in its tests. */
export const KIT_DEPENDENCIES = ['@boundary/client-core', '@boundary/http-conventions', '@boundary/service-kit'];
export const KIT_DEV_DEPENDENCIES = ['@boundary/testing'];

/**
 * The peers the generated code imports, at the versions the kit is tested with (the README's Set-up table): pact below
 * 16.5 and nock 14.0.10 run under Jest on Node 20.
 */
export const PEER_DEPENDENCIES: Record<string, string> = {
  '@nestjs/axios': '^4.0.1',
  axios: '^1.21.1',
  zod: '^4.6.7',
};
export const PEER_DEV_DEPENDENCIES: Record<string, string> = {
  '@pact-foundation/pact': '16.4.0',
  nock: '14.0.10',
  supertest: '^7.3.2',
  '@types/supertest': '^7.2.1',
};

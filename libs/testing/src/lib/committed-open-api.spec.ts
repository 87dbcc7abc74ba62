import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedDocumentDrift, committedOpenApiDrift, formatOpenApiDocument } from './committed-open-api';

describe('committedOpenApiDrift', () => {
  const dir = mkdtempSync(join(tmpdir(), 'committed-open-api-'));
  const file = join(dir, 'openapi.json');
  const regenerate = 'UPDATE_OPENAPI=true npx nx test some-service';
  const served = { openapi: '3.0.0', paths: { '/orders': { get: { responses: { 200: { description: 'ok' } } } } } };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers nothing when the committed file holds the served document, whatever its key order', () => {
    writeFileSync(file, JSON.stringify({ paths: served.paths, openapi: '3.0.0' }));
    expect(committedOpenApiDrift(served, { file, regenerate })).toBeUndefined();
  });

  it('names the file and the command that regenerates it when they differ', () => {
    writeFileSync(file, formatOpenApiDocument({ ...served, paths: {} }));
    expect(committedOpenApiDrift(served, { file, regenerate })).toBe(
      `${file} differs from the document the service serves: regenerate it with \`${regenerate}\` and commit it.`,
    );
  });

  it('names where the document comes from when told (a document generated from a contract, not served)', () => {
    writeFileSync(file, formatOpenApiDocument({ ...served, paths: {} }));
    expect(committedDocumentDrift(served, { file, regenerate, source: 'the events contract' })).toBe(
      `${file} differs from the events contract: regenerate it with \`${regenerate}\` and commit it.`,
    );
  });

  it('names the command that writes it when the file is missing', () => {
    expect(committedOpenApiDrift(served, { file: join(dir, 'absent.json'), regenerate })).toMatch(/absent\.json is missing: write it with `UPDATE_OPENAPI=true/);
  });

  it('writes the served document, formatted once, when asked to update', () => {
    writeFileSync(file, '{}');
    expect(committedOpenApiDrift(served, { file, regenerate, update: true })).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(served, null, 2)}\n`);
    expect(committedOpenApiDrift(served, { file, regenerate })).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGING_DEPENDENCIES } from './messaging-packages';

describe('the messaging packages a message boundary adds', () => {
  it('are at the versions this repository’s root package.json pins', () => {
    const root = JSON.parse(readFileSync(join(__dirname, '../../../../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const pinned = Object.fromEntries(Object.keys(MESSAGING_DEPENDENCIES).map((name) => [name, root.dependencies[name]]));
    expect(MESSAGING_DEPENDENCIES).toEqual(pinned);
  });
});

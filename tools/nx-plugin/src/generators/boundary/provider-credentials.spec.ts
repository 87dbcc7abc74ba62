import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addNestApplication, copyAppFromWorkspace } from '../../testing/tree-fixtures';
import { declareConsumer } from './provider-credentials';
import { StagedEdits } from './staged-edits';

const CONFIG = 'apps/inventory-service/src/config/inventory-service.config.ts';

/** Declares `consumer` of `provider` (an app of `tree`) and writes the edit; answers whether the app declares consumers. */
function declare(tree: Tree, provider: string, consumer: string): boolean {
  const edits = new StagedEdits(tree);
  const declared = declareConsumer(tree, edits, `apps/${provider}/src`, provider, consumer);
  edits.apply();
  return declared;
}

describe('declareConsumer, on the repository’s Inventory Service (hand-written, two consumers declared)', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    copyAppFromWorkspace(tree, 'inventory-service');
  });

  it('appends the consumer to the array its consumerCredentialsEnv call takes, the rest of the file as it was', () => {
    const before = tree.read(CONFIG, 'utf8') ?? '';
    expect(declare(tree, 'inventory-service', 'user-service')).toBe(true);
    const after = tree.read(CONFIG, 'utf8') ?? '';
    expect(after.replace(/\s+/g, '')).toMatch(/consumerCredentialsEnv\('inventory-service',\['order-service','fulfilment-service','user-service',?\]\)/);
    expect(after.replace(/consumerCredentialsEnv\([^)]*\)/, '')).toBe(before.replace(/consumerCredentialsEnv\([^)]*\)/, ''));
  });

  it('changes nothing for a consumer it declares already', () => {
    const before = tree.read(CONFIG, 'utf8');
    expect(declare(tree, 'inventory-service', 'order-service')).toBe(true);
    expect(tree.read(CONFIG, 'utf8')).toBe(before);
  });
});

describe('declareConsumer, on an app made by @nx/nest:application', () => {
  it('changes nothing and answers that the app declares no consumers (its authentication is its own)', () => {
    const tree = createTreeWithEmptyWorkspace();
    addNestApplication(tree, 'payments');
    const before = tree.listChanges().map((change) => change.content?.toString());
    expect(declare(tree, 'payments', 'shop-service')).toBe(false);
    expect(tree.listChanges().map((change) => change.content?.toString())).toEqual(before);
  });
});

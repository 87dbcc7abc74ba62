import type { Tree } from '@nx/devkit';
import { UnplaceableEditError } from './ast/source-file';

/**
 * The files the generator changes, staged so that every edit is computed (and may refuse) before the first write: a
 * refusal then leaves the workspace as it was.
 */
export class StagedEdits {
  private readonly staged = new Map<string, string>();

  constructor(private readonly tree: Tree) {}

  /** The file as the edits so far leave it; `undefined` when it exists nowhere. */
  peek(path: string): string | undefined {
    return this.staged.get(path) ?? this.tree.read(path, 'utf8') ?? undefined;
  }

  /** The file as the edits so far leave it, or a refusal naming it when it does not exist. */
  read(path: string): string {
    const content = this.peek(path);
    if (content === undefined) throw UnplaceableEditError.missing(path, 'the boundary edits it');
    return content;
  }

  /** Applies `change` to the file's staged content. */
  update(path: string, change: (content: string) => string): void {
    this.staged.set(path, change(this.read(path)));
  }

  /** Writes every staged file that differs from the tree. */
  apply(): void {
    for (const [path, content] of this.staged) if (this.tree.read(path, 'utf8') !== content) this.tree.write(path, content);
  }
}

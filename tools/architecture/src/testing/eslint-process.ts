import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One message ESLint reports of a file. */
export interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * The workspace's real ESLint config, in a process of its own (its `.mjs` config cannot load inside Jest's module
 * sandbox), started once and asked about many would-be files in turn. Call `close` when done.
 */
export class EslintProcess {
  private readonly child: ChildProcess;
  private readonly requests: Writable;
  private readonly waiting: Array<{ resolve: (messages: LintMessage[]) => void; reject: (error: Error) => void }> = [];
  private stderr = '';

  constructor(workspaceRoot: string) {
    // Answers come on fd 3: a plugin that prints to stdout cannot garble them.
    this.child = spawn(process.execPath, [join(__dirname, 'lint-over-stdio.cjs')], {
      cwd: workspaceRoot,
      stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
    });
    this.requests = this.child.stdin as Writable;
    (this.child.stderr as Readable).setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    createInterface({ input: this.child.stdio[3] as Readable }).on('line', (line) => this.waiting.shift()?.resolve(JSON.parse(line)));
    this.child.on('exit', (code) => {
      for (const { reject } of this.waiting.splice(0)) reject(new Error(`ESLint exited with ${code}: ${this.stderr}`));
    });
  }

  /** What ESLint reports of `code` as the file at `filePath` (relative to the workspace root). */
  lint(filePath: string, code: string): Promise<LintMessage[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.requests.write(`${JSON.stringify({ filePath, code })}\n`);
    });
  }

  close(): void {
    this.requests.end();
  }
}

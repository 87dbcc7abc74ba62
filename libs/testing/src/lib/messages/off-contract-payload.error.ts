import { describeEmit } from './unexpected-emit.error';
import type { EmittedMessage, PayloadIssue } from './emitted-message';

/** An emit whose payload breaks the schema its pattern was expected with; the message names each field and why. */
export class OffContractPayloadError extends Error {
  constructor(
    readonly emitted: EmittedMessage,
    readonly issues: readonly PayloadIssue[],
  ) {
    const fields = issues.map((issue) => `  ${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`);
    super(`ClientProxyDouble: ${describeEmit(emitted)} breaks the contract of '${emitted.pattern}':\n${fields.join('\n')}`);
    this.name = 'OffContractPayloadError';
  }
}

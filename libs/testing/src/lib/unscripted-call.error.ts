/** The parts of a call and of its stub that an `UnscriptedCallError` names. */
interface UnscriptedCall {
  readonly method: string;
  readonly key: string;
}

/** A strict scripted stub was called in a way no test scripted. The message names the call and what is scripted. */
export class UnscriptedCallError extends Error {
  constructor(
    names: { readonly stub: string; readonly keys: string; readonly howToScript: string },
    readonly call: UnscriptedCall,
    scripted: readonly string[],
  ) {
    super(
      `${names.stub}: ${call.method}(${JSON.stringify(call.key)}) was not scripted; scripted ${names.keys}: ` +
        `${scripted.map((key) => JSON.stringify(key)).join(', ') || '(none)'}. Script it with ${names.howToScript}`,
    );
    this.name = 'UnscriptedCallError';
  }
}

/** A command refused its input; the message is the one line the user sees, and nothing was written. */
export class RefusalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusalError';
  }
}

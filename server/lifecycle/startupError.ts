/**
 * A start that cannot go on for a reason the person starting it can fix (a port in use, a data folder
 * held by another copy): said in one sentence, with no stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** An error a person can act on: its message is shown to them as it is. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** For 429 answers: when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
    /** For a refused file: what is wrong, row by row. */
    readonly problems?: readonly { row: number; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

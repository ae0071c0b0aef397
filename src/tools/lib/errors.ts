/**
 * Failures a tool explains itself (bad ids, missing data): their message is safe and useful to
 * show the model as is.
 */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolInputError';
  }
}

/**
 * An error the REST WebAPI answers with: its HTTP status, and the ExceptionType-like name the body carries.
 * `field` names the request field a 400 is about.
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorType: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export function badValue(field: string, message: string): RestError {
  return new RestError(400, `${field}: ${message}`, 'ArgumentException', field);
}

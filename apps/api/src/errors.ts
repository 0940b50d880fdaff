// Errors a service throws for a caller's mistake; the error plugin turns them into 4xx.

/** The thing asked for does not exist (404). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly statusCode = 404;
}

/** The request is well-formed but cannot be done as asked (400). */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly statusCode = 400;
}

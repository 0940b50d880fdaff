// Errors a service throws for a caller's mistake; the error plugin turns them into 4xx.

/** A refusal the error plugin sends with `statusCode` and the message; each kind names itself. */
export abstract class HttpError extends Error {
  abstract readonly statusCode: number;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (404). */
export class NotFoundError extends HttpError {
  readonly statusCode = 404;
}

/** The request is well-formed but cannot be done as asked (400). */
export class BadRequestError extends HttpError {
  readonly statusCode = 400;
}

/** Not signed in, or the sign-in itself failed (401). */
export class UnauthorizedError extends HttpError {
  readonly statusCode = 401;
}

/** Signed in, but not allowed to do this (403). */
export class ForbiddenError extends HttpError {
  readonly statusCode = 403;
}

/** It clashes with the current state, e.g. an email already in use (409). */
export class ConflictError extends HttpError {
  readonly statusCode = 409;
}

/** Too many attempts; the caller may retry after `retryAfterSeconds` (429). */
export class TooManyRequestsError extends HttpError {
  readonly statusCode = 429;
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

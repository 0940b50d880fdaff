// What to tell someone when a call to the API fails: the API's own words, or that it could not
// be reached (the one wording every role's form uses).
import { ApiError } from '#lib/api.ts';

/** A failed call's message for the page. */
export function problemText(error: unknown): string {
  return error instanceof ApiError
    ? error.message
    : 'The server could not be reached; check the connection and try again.';
}

// Refusals of a photo as sent: too big (413) or not a photo we take (415).
import { HttpError } from '../../errors.ts';

/** The photo is bigger than the server takes (413). */
export class PhotoTooLargeError extends HttpError {
  readonly statusCode = 413;
}

/** The body is not a JPEG, PNG or WebP image (415). */
export class NotAPhotoTypeError extends HttpError {
  readonly statusCode = 415;
}

// Refusals of workshop and pin input that name the field at fault ({ message, field }).
import { BadRequestError, HttpError } from '../../errors.ts';

/** A 400 naming the input at fault, e.g. `theme` or `boundary`. */
export class FieldError extends BadRequestError {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** A point outside the workshop's area (422): the request is understood but cannot be placed. */
export class OutsideAreaError extends HttpError {
  readonly statusCode = 422;
  readonly field = 'lon';
}

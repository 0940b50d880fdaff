/** Every reason a boundary file can be refused, one word each so callers can count or translate them. */
export const VALIDATION_ERROR_KINDS = [
  'not_feature_collection',
  'empty_collection',
  'not_feature',
  'null_geometry',
  'geometry_type',
  'malformed_coordinates',
  'non_numeric',
  'out_of_range',
  'projected_bng',
  'swapped_axes',
  'short_ring',
  'unclosed_ring',
  'no_code_property',
  'missing_code',
  'duplicate_code',
] as const;

/** One reason a boundary file can be refused. */
export type ValidationErrorKind = (typeof VALIDATION_ERROR_KINDS)[number];

/** One problem found: which feature (null for the whole file), its code when known, and what to do. */
export interface ValidationError {
  readonly index: number | null;
  readonly code: string | null;
  readonly kind: ValidationErrorKind;
  readonly message: string;
}

/** One line for a person: where the problem is, then what it is. */
export function formatValidationError(error: ValidationError): string {
  if (error.index === null) return error.message;
  const code = error.code === null ? '' : ` (${error.code})`;
  return `feature ${error.index}${code}: ${error.message}`;
}

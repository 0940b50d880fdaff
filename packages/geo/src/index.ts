/** @thrive/geo: pure spatial work on GeoJSON areas (data in, results out; no I/O). */
export type { AreaFeature, AreaGeometry, AreaShape, BBox } from './area-feature.ts';
export { bboxContains, bboxOf, bboxOfPositions, unionBoxes } from './bbox.ts';
export type { Extentable } from './bbox.ts';
export { METRES_PER_DEGREE, distanceToBoundaryMetres } from './boundary-distance.ts';
export { createAreaIndex } from './area-index.ts';
export type { AreaIndex, NearestArea } from './area-index.ts';
export { BEST_FIT_METHOD, bestFitByCentroid, bestFitMethodNote } from './best-fit.ts';
export type {
  BestFitLink,
  BestFitOptions,
  BestFitResult,
  Centroid,
  NearestFallback,
} from './best-fit.ts';
export { WIRE_DECIMALS, simplifyForWire } from './simplify.ts';
export type { SimplifyOptions } from './simplify.ts';
export { DEFAULT_MAX_ERRORS, validateAreaCollection } from './validate/area-collection.ts';
export type {
  AreaCollectionValidation,
  GuessedProperties,
  InvalidAreaCollection,
  ValidAreaCollection,
  ValidateOptions,
} from './validate/area-collection.ts';
export { REPROJECT_ADVICE, checkAreaGeometry } from './validate/area-geometry.ts';
export { firstRingCrossing } from './validate/ring-crossing.ts';
export type { RingCrossing } from './validate/ring-crossing.ts';
export type { GeometryProblem } from './validate/area-geometry.ts';
export {
  KNOWN_CODE_PROPERTIES,
  guessCodeProperty,
  guessNameProperty,
} from './validate/property-guess.ts';
export { VALIDATION_ERROR_KINDS, formatValidationError } from './validate/validation-error.ts';
export type { ValidationError, ValidationErrorKind } from './validate/validation-error.ts';
export { ESTATE_LSOA_RULE, estateLsoaRuleNote, estateLsoas } from './estate-lsoas.ts';
export type { CandidateLsoa, EstateLsoa, EstateLsoaRule } from './estate-lsoas.ts';

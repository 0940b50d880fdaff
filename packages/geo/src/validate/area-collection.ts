import type { AreaFeature, AreaGeometry } from '../area-feature.ts';
import { checkAreaGeometry } from './area-geometry.ts';
import { asArray, isRecord } from './json-shape.ts';
import { guessCodeProperty, guessNameProperty, propertyText } from './property-guess.ts';
import { repairRings } from './ring-repair.ts';
import type { ValidationError, ValidationErrorKind } from './validation-error.ts';

/** Options for {@link validateAreaCollection}. */
export interface ValidateOptions {
  /** Property holding the area code; guessed when not given. */
  readonly codeProp?: string;
  /** Property holding the area name; guessed when not given. */
  readonly nameProp?: string;
  /** How many errors to describe before only counting the rest. Default 20. */
  readonly maxErrors?: number;
}

/** What was guessed because the caller did not say: absent when given in the options. */
export interface GuessedProperties {
  readonly codeProp?: string;
  /** null when no name property could be found. */
  readonly nameProp?: string | null;
}

/** A file fit to load: every feature with a code, a name (null when there is none), and a checked geometry. */
export interface ValidAreaCollection {
  readonly ok: true;
  readonly features: AreaFeature[];
  readonly codeProp: string;
  readonly nameProp: string | null;
  readonly guessed: GuessedProperties;
  readonly warnings: string[];
}

/** A file refused: the first `maxErrors` problems, and how many more there were. */
export interface InvalidAreaCollection {
  readonly ok: false;
  readonly errors: ValidationError[];
  readonly moreErrors: number;
  readonly codeProp: string | null;
  readonly nameProp: string | null;
  readonly guessed: GuessedProperties;
  readonly warnings: string[];
}

/** The outcome of {@link validateAreaCollection}. */
export type AreaCollectionValidation = ValidAreaCollection | InvalidAreaCollection;

/** Default cap on described errors: enough to see a pattern, short enough to read. */
export const DEFAULT_MAX_ERRORS = 20;

/**
 * Checks parsed GeoJSON (of unknown shape) as a set of areas: a FeatureCollection of Polygons or
 * MultiPolygons in WGS84 lon/lat, closed rings of at least 4 positions, a unique non-empty code
 * on every feature. Closes open rings and drops repeated positions (saying so in a warning);
 * recognises British National Grid coordinates and says how to reproject, and swapped
 * [lat, lon] and says to swap them.
 * Guesses the code and name properties when not given, and reports what it guessed.
 */
export function validateAreaCollection(
  input: unknown,
  options: ValidateOptions = {},
): AreaCollectionValidation {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const errors: ValidationError[] = [];
  let errorCount = 0;
  const report = (
    index: number | null,
    code: string | null,
    kind: ValidationErrorKind,
    message: string,
  ) => {
    errorCount += 1;
    if (errors.length < maxErrors) errors.push({ index, code, kind, message });
  };
  const warnings: string[] = [];
  const refuse = (
    codeProp: string | null,
    nameProp: string | null,
    guessed: GuessedProperties,
  ): InvalidAreaCollection => ({
    ok: false,
    errors,
    moreErrors: errorCount - errors.length,
    codeProp,
    nameProp,
    guessed,
    warnings,
  });

  const features =
    isRecord(input) && input.type === 'FeatureCollection' ? asArray(input.features) : undefined;
  if (features === undefined) {
    report(
      null,
      null,
      'not_feature_collection',
      `expected a GeoJSON FeatureCollection with a features array, got ${describe(input)}`,
    );
    return refuse(null, null, {});
  }
  if (features.length === 0) {
    // Loading zero areas is never what anyone meant: say so rather than succeed with nothing.
    report(null, null, 'empty_collection', 'the FeatureCollection has no features');
    return refuse(options.codeProp ?? null, options.nameProp ?? null, {});
  }

  const rows = features.map((feature) =>
    isRecord(feature) && isRecord(feature.properties) ? feature.properties : {},
  );
  const guessed: { codeProp?: string; nameProp?: string | null } = {};
  let codeProp: string | undefined = options.codeProp;
  if (codeProp === undefined) {
    codeProp = guessCodeProperty(rows);
    if (codeProp !== undefined) guessed.codeProp = codeProp;
  }
  let nameProp: string | null = options.nameProp ?? null;
  if (options.nameProp === undefined) {
    nameProp = guessNameProperty(rows, codeProp) ?? null;
    guessed.nameProp = nameProp;
    if (nameProp === null) {
      warnings.push('no name property found; names are left empty (pass nameProp to choose one)');
    }
  } else if (!rows.some((row) => Object.hasOwn(row, options.nameProp ?? ''))) {
    warnings.push(`no feature has the name property "${options.nameProp}"; names are left empty`);
  }
  const seen = propertiesSeen(rows);
  const chosen = codeProp;
  if (chosen === undefined) {
    report(
      null,
      null,
      'no_code_property',
      `could not tell which property holds the area code; pass codeProp (properties seen: ${seen})`,
    );
  } else if (!rows.some((row) => Object.hasOwn(row, chosen))) {
    report(
      null,
      null,
      'no_code_property',
      `no feature has the property "${chosen}" (properties seen: ${seen})`,
    );
    codeProp = undefined;
  }

  const valid: AreaFeature[] = [];
  const repaired: string[] = [];
  const firstIndexOfCode = new Map<string, number>();
  features.forEach((feature, index) => {
    if (!isRecord(feature) || feature.type !== 'Feature') {
      report(index, null, 'not_feature', `expected a GeoJSON Feature, got ${describe(feature)}`);
      return;
    }
    const properties = rows[index] ?? {};
    const code = codeProp === undefined ? undefined : propertyText(properties[codeProp]);
    if (codeProp !== undefined && code === undefined) {
      report(index, null, 'missing_code', `the code property "${codeProp}" is missing or empty`);
    }
    if (code !== undefined) {
      const first = firstIndexOfCode.get(code);
      if (first === undefined) firstIndexOfCode.set(code, index);
      else
        report(index, code, 'duplicate_code', `code ${code} is already used by feature ${first}`);
    }
    // Open rings are closed and repeated positions dropped before checking (ring-repair.ts).
    const { geometry, repairs } = repairRings(feature.geometry);
    const problems = checkAreaGeometry(geometry);
    for (const problem of problems) report(index, code ?? null, problem.kind, problem.message);
    if (problems.length === 0 && code !== undefined && errorCount === 0) {
      if (repairs.length > 0) repaired.push(`feature ${index} (${code}): ${repairs.join(', ')}`);
      valid.push({
        code,
        name: nameProp === null ? null : (propertyText(properties[nameProp]) ?? null),
        // checkAreaGeometry found nothing wrong, so the shape is a Polygon or MultiPolygon.
        geometry: geometry as AreaGeometry,
        properties,
      });
    }
  });

  if (errorCount > 0 || codeProp === undefined) return refuse(codeProp ?? null, nameProp, guessed);
  if (repaired.length > 0) {
    const more =
      repaired.length > MAX_REPAIR_LINES
        ? `; and ${repaired.length - MAX_REPAIR_LINES} more features`
        : '';
    warnings.push(`repaired: ${repaired.slice(0, MAX_REPAIR_LINES).join('; ')}${more}`);
  }
  return { ok: true, features: valid, codeProp, nameProp, guessed, warnings };
}

/** How many repaired features to name in the warning before only counting the rest. */
const MAX_REPAIR_LINES = 5;

function propertiesSeen(rows: readonly Readonly<Record<string, unknown>>[]): string {
  const keys = new Set<string>();
  for (const row of rows.slice(0, 50)) for (const key of Object.keys(row)) keys.add(key);
  return keys.size === 0 ? 'none' : [...keys].join(', ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value))
    return typeof value.type === 'string' ? `a ${value.type}` : 'an object without a type';
  return typeof value;
}

// import-indicators: values in long CSV format with their indicator definitions (JSON). Every
// row is checked before anything is written: a bad row aborts with its line number, unknown
// area codes are listed (never silently dropped), and the database is left unchanged.
import { bumpDataVersion, type Database, type NewIndicator, type NewIndicatorValue } from '@thrive/db';
import { catalogue, parseNumberText, polarities, valueTypes } from '@thrive/indicators';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { BadRequestError } from '../../errors.ts';
import { inputProblem } from '../../plugins/validation.ts';
import { existingAreaCodes, existingIndicatorIds, upsertIndicators, upsertValues } from './repository.ts';

/** One indicator definition in the definitions file. */
export const DefinitionInput = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9_]{1,80}$' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    shortLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    unit: Type.String({ maxLength: 40 }),
    valueType: Type.Enum(valueTypes),
    polarity: Type.Enum(polarities),
    multiplier: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    theme: Type.Optional(Type.String({ maxLength: 40 })),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    licence: Type.String({ minLength: 1, maxLength: 200 }),
    definition: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type DefinitionInput = Static<typeof DefinitionInput>;
const DefinitionsFile = Type.Array(DefinitionInput, { minItems: 1 });

const COLUMNS = ['indicator_id', 'area_code', 'period', 'value', 'numerator', 'denominator', 'lower_ci', 'upper_ci'] as const;
const NUMBER_COLUMNS = ['value', 'numerator', 'denominator', 'lower_ci', 'upper_ci'] as const;

export interface ImportIndicatorsReport {
  indicators: number;
  values: number;
}

/** Parses and checks the definitions JSON text. */
export function parseDefinitions(text: string): DefinitionInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`definitions: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const first = Value.Errors(DefinitionsFile, json)[0];
  if (first) {
    const [index, field] = first.instancePath.split('/').filter(Boolean);
    const where = index === undefined ? 'the file' : `definition ${index}${field ? `, field ${field}` : ''}`;
    throw new BadRequestError(`definitions: ${where}: ${first.message}${index === undefined ? ' (expected an array of indicator definitions)' : ''}`);
  }
  const list = json as DefinitionInput[];
  for (const [i, d] of list.entries()) {
    for (const [field, value] of Object.entries(d)) {
      const problem = inputProblem(value);
      if (problem) throw new BadRequestError(`definitions: definition ${i}, field ${field} ${problem}`);
    }
  }
  return list;
}

/** Parses the long-format CSV into value rows, with the line number of any bad row. */
export function parseValuesCsv(text: string): (NewIndicatorValue & { line: number })[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw new BadRequestError(`values CSV${e.lines ? `, line ${e.lines}` : ''}: ${e.message ?? 'cannot be read'} (is the file complete and comma-separated?)`);
  }
  const [header, ...rows] = records;
  if (!header) throw new BadRequestError('values CSV: the file is empty; expected a header line');
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) throw new BadRequestError(`values CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${COLUMNS.join(',')})`);
  const seen = new Map<string, number>();
  return rows.map((cells, i) => {
    const line = i + 2;
    const cell = (c: (typeof COLUMNS)[number]) => cells[index.get(c) as number] ?? '';
    const bad = cells.findIndex((c) => inputProblem(c) !== null);
    if (bad >= 0) throw new BadRequestError(`values CSV, line ${line}: column ${header[bad] ?? bad + 1} ${inputProblem(cells[bad])}`);
    const numbers: Record<string, number | null> = {};
    for (const column of NUMBER_COLUMNS) {
      const text = cell(column);
      if (text === '') {
        numbers[column] = null;
        continue;
      }
      const n = parseNumberText(text);
      if (n === undefined || !Number.isFinite(n)) throw new BadRequestError(`values CSV, line ${line}: ${column} "${text}" is not a number`);
      numbers[column] = n;
    }
    const indicatorId = cell('indicator_id');
    const areaCode = cell('area_code');
    const period = cell('period');
    if (!indicatorId || !areaCode || !period) throw new BadRequestError(`values CSV, line ${line}: indicator_id, area_code and period are required`);
    if (numbers.value === null && numbers.numerator === null) throw new BadRequestError(`values CSV, line ${line}: give a value or a numerator and denominator`);
    if (numbers.numerator !== null && (numbers.denominator ?? 0) <= 0) throw new BadRequestError(`values CSV, line ${line}: a numerator needs a positive denominator`);
    const key = `${indicatorId}\u0000${areaCode}\u0000${period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new BadRequestError(`values CSV, line ${line}: repeats line ${earlier} (${indicatorId}, ${areaCode}, ${period})`);
    seen.set(key, line);
    return {
      line,
      indicator_id: indicatorId,
      area_code: areaCode,
      period,
      value: numbers.value ?? null,
      numerator: numbers.numerator ?? null,
      denominator: numbers.denominator ?? null,
      lower_ci: numbers.lower_ci ?? null,
      upper_ci: numbers.upper_ci ?? null,
      note: null,
    };
  });
}

const toRow = (d: DefinitionInput): NewIndicator => ({
  id: d.id,
  title: d.title,
  short_label: d.shortLabel ?? d.title,
  unit: d.unit,
  value_type: d.valueType,
  polarity: d.polarity,
  multiplier: d.multiplier ?? 1,
  decimals: d.decimals ?? 1,
  theme: d.theme ?? null,
  source: d.source,
  licence: d.licence,
  definition: d.definition,
  tier: null,
  ripple: null,
});

/** Checks everything, then writes definitions and values in one transaction. */
export async function importIndicators(db: Kysely<Database>, csvText: string, definitionsText: string): Promise<ImportIndicatorsReport> {
  const definitions = parseDefinitions(definitionsText);
  const builtIn = new Set(catalogue.map((c) => c.id));
  const redefined = definitions.findIndex((d) => builtIn.has(d.id));
  if (redefined >= 0) {
    throw new BadRequestError(`definitions: definition ${redefined}: ${definitions[redefined]?.id} is a built-in indicator and cannot be redefined; give your indicator an id of its own`);
  }
  const rows = parseValuesCsv(csvText);
  const defined = new Set(definitions.map((d) => d.id));
  const known = await existingIndicatorIds(db, rows.map((r) => r.indicator_id).filter((id) => !defined.has(id)));
  const undefinedRow = rows.find((r) => !defined.has(r.indicator_id) && !known.has(r.indicator_id));
  if (undefinedRow) throw new BadRequestError(`values CSV, line ${undefinedRow.line}: indicator ${undefinedRow.indicator_id} is neither in the definitions file nor loaded`);
  const areas = await existingAreaCodes(db, rows.map((r) => r.area_code));
  const unknown = [...new Set(rows.filter((r) => !areas.has(r.area_code)).map((r) => r.area_code))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 20).join(', ');
    throw new BadRequestError(`values CSV: ${unknown.length} unknown area code${unknown.length > 1 ? 's' : ''}: ${shown}${unknown.length > 20 ? ', …' : ''} (load their boundaries or authority first)`);
  }
  await db.transaction().execute(async (tx) => {
    await bumpDataVersion(tx);
    await upsertIndicators(tx, definitions.map(toRow));
    await upsertValues(tx, rows.map(({ line: _line, ...row }) => row));
  });
  return { indicators: definitions.length, values: rows.length };
}

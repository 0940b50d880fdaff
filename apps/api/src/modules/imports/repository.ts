// The only place that writes imported areas, links, indicators and values. Every function takes
// the transaction it runs in, so a whole import commits or rolls back as one.
import type { Database, NewArea, NewAreaLink, NewIndicator, NewIndicatorValue } from '@thrive/db';
import type { Kysely, Transaction } from 'kysely';

type Tx = Transaction<Database> | Kysely<Database>;

// Kept well under PostgreSQL's 65,535 bind parameters per statement.
const BATCH = 1000;

function* batches<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Inserts areas, or updates them when their code exists (re-running updates, never duplicates). */
export async function upsertAreas(tx: Tx, areas: readonly NewArea[]): Promise<void> {
  for (const batch of batches(areas, 500)) {
    await tx
      .insertInto('area')
      .values(batch)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          geometry: eb.ref('excluded.geometry'),
          minx: eb.ref('excluded.minx'),
          miny: eb.ref('excluded.miny'),
          maxx: eb.ref('excluded.maxx'),
          maxy: eb.ref('excluded.maxy'),
          source: eb.ref('excluded.source'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
        })),
      )
      .execute();
  }
}

/** Replaces the best-fit links of these small areas (manual links are kept). */
export async function replaceBestFitLinks(tx: Tx, fromCodes: readonly string[], links: readonly NewAreaLink[]): Promise<void> {
  for (const batch of batches(fromCodes)) {
    await tx.deleteFrom('area_link').where('method', '=', 'best_fit_centroid').where('from_code', 'in', batch).execute();
  }
  for (const batch of batches(links)) {
    await tx
      .insertInto('area_link')
      .values(batch)
      .onConflict((oc) => oc.columns(['from_code', 'to_code']).doNothing())
      .execute();
  }
}

/** Inserts or updates indicator definitions. */
export async function upsertIndicators(tx: Tx, indicators: readonly NewIndicator[]): Promise<void> {
  for (const batch of batches(indicators, 200)) {
    await tx
      .insertInto('indicator')
      .values(batch)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          short_label: eb.ref('excluded.short_label'),
          unit: eb.ref('excluded.unit'),
          value_type: eb.ref('excluded.value_type'),
          polarity: eb.ref('excluded.polarity'),
          multiplier: eb.ref('excluded.multiplier'),
          decimals: eb.ref('excluded.decimals'),
          theme: eb.ref('excluded.theme'),
          source: eb.ref('excluded.source'),
          licence: eb.ref('excluded.licence'),
          definition: eb.ref('excluded.definition'),
        })),
      )
      .execute();
  }
}

/** Inserts or updates indicator values (unique on indicator, area and period). */
export async function upsertValues(tx: Tx, values: readonly NewIndicatorValue[], onBatch?: (done: number) => void): Promise<void> {
  let done = 0;
  for (const batch of batches(values)) {
    await tx
      .insertInto('indicator_value')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'area_code', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          lower_ci: eb.ref('excluded.lower_ci'),
          upper_ci: eb.ref('excluded.upper_ci'),
          note: eb.ref('excluded.note'),
        })),
      )
      .execute();
    done += batch.length;
    onBatch?.(done);
  }
}

/** Codes among these that exist as areas. */
export async function existingAreaCodes(tx: Tx, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of batches([...new Set(codes)])) {
    const rows = await tx.selectFrom('area').select('code').where('code', 'in', batch).execute();
    for (const row of rows) found.add(row.code);
  }
  return found;
}

/** Ids among these that exist as indicators. */
export async function existingIndicatorIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('indicator').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

/** True when no area has been loaded yet (first start). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('area').select('code').limit(1).executeTakeFirst();
  return row === undefined;
}

/** The level and parent of those of `codes` already stored. */
export async function existingAreaPlaces(tx: Tx, codes: readonly string[]): Promise<Map<string, { level: string; parent_code: string | null }>> {
  const found = new Map<string, { level: string; parent_code: string | null }>();
  for (const batch of batches(codes)) {
    const rows = await tx.selectFrom('area').select(['code', 'level', 'parent_code']).where('code', 'in', batch).execute();
    for (const r of rows) found.set(r.code, { level: r.level, parent_code: r.parent_code });
  }
  return found;
}

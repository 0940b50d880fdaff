// Estates as rug rows: each estate's LSOAs found by overlap (@thrive/geo estateLsoas, decision
// 0021), then its values made from theirs (@thrive/indicators estateValues). Computed per request
// (the rug's answers are cached per data version), so estates drawn at a workshop or imported
// with import-boundaries --level estate need no extra step.
import type { Database } from '@thrive/db';
import { estateLsoaRuleNote, estateLsoas, type CandidateLsoa, type EstateLsoa } from '@thrive/geo';
import {
  estateValues,
  IOD_DOMAINS,
  type EstateLsoaFigures,
  type IndicatorDefinition,
  type LsoaFigure,
  type RugValueInput,
} from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { findArea } from '../areas/repository.ts';
import { isAreaGeometry } from '../workshops/geography.ts';
import { estatesUnder, hasEstates, lsoasMeeting, valuesOfAreas } from './repository.ts';
import type { RugBody } from './schemas.ts';

// The LSOA rows that carry IoD2019's mid-2015 populations as denominators: total, working-age.
const TOTAL_POPULATION = 'income_deprivation_rate';
const WORKING_AGE_POPULATION = 'employment_deprivation_rate';

/** An estate row and the LSOAs it was made of. */
export interface EstateRow {
  readonly code: string;
  readonly name: string;
  readonly lsoas: readonly EstateLsoa[];
  /** Why the estate has no LSOAs, when it has none. */
  readonly gap: string | null;
}

/** The estates under a parent, their LSOAs, and their values for `definitions` in `period`. */
export async function estateRugInputs(
  db: Kysely<Database>,
  parent: string,
  definitions: readonly IndicatorDefinition[],
  period: string,
): Promise<{ estates: EstateRow[]; values: RugValueInput[] }> {
  const estates: EstateRow[] = [];
  for (const estate of await estatesUnder(db, parent)) {
    const { minx, miny, maxx, maxy } = estate;
    if (
      !isAreaGeometry(estate.geometry) ||
      minx === null ||
      miny === null ||
      maxx === null ||
      maxy === null
    ) {
      estates.push({
        code: estate.code,
        name: estate.name,
        lsoas: [],
        gap: 'no boundary is stored for this estate',
      });
      continue;
    }
    const candidates: CandidateLsoa[] = (await lsoasMeeting(db, { minx, miny, maxx, maxy })).map(
      (l) => ({
        code: l.code,
        geometry: isAreaGeometry(l.geometry) ? l.geometry : null,
        // LSOAs loaded from centroids only keep the centroid as a point-sized box.
        point:
          l.minx !== null && l.miny !== null && l.minx === l.maxx && l.miny === l.maxy
            ? [l.minx, l.miny]
            : null,
      }),
    );
    const lsoas = estateLsoas(estate.geometry, candidates);
    estates.push({
      code: estate.code,
      name: estate.name,
      lsoas,
      gap: lsoas.length === 0 ? 'no loaded LSOA lies under this estate' : null,
    });
  }

  const memberCodes = [...new Set(estates.flatMap((e) => e.lsoas.map((l) => l.code)))];
  const ids = [
    ...new Set([
      ...definitions.map((d) => d.id),
      ...IOD_DOMAINS.map((d) => `${d}_rank`),
      TOTAL_POPULATION,
      WORKING_AGE_POPULATION,
    ]),
  ];
  const figures = new Map<string, Map<string, LsoaFigure>>();
  for (const v of await valuesOfAreas(db, ids, memberCodes, period)) {
    let own = figures.get(v.area_code);
    if (!own) figures.set(v.area_code, (own = new Map()));
    own.set(v.indicator_id, { value: v.value, numerator: v.numerator, denominator: v.denominator });
  }
  const lsoaFigures = (code: string): EstateLsoaFigures => {
    const own = figures.get(code) ?? new Map<string, LsoaFigure>();
    const rank = (id: string) => own.get(id)?.value ?? null;
    return {
      code,
      ranks: Object.fromEntries(IOD_DOMAINS.map((d) => [d, rank(`${d}_rank`)])),
      population: {
        total: own.get(TOTAL_POPULATION)?.denominator ?? null,
        workingAge: own.get(WORKING_AGE_POPULATION)?.denominator ?? null,
      },
      values: own,
    };
  };
  const values = estates.flatMap((e) =>
    e.gap !== null
      ? definitions.map((d) => ({ indicatorId: d.id, areaCode: e.code, value: null, note: e.gap }))
      : estateValues(
          e.code,
          definitions,
          e.lsoas.map((l) => lsoaFigures(l.code)),
        ),
  );
  return { estates, values };
}

/** An area as findArea gives it. */
type ParentArea = { code: string; name: string; level: string; parent_code: string | null };

/**
 * An estate rug's rows and values, and its benchmark authority: the parent itself when it is an
 * authority, the ward's authority when it is a ward (estates are compared with their authority
 * and England, as wards are).
 */
export async function estateRug(
  db: Kysely<Database>,
  parent: ParentArea,
  definitions: readonly IndicatorDefinition[],
  period: string,
) {
  const { estates, values } = await estateRugInputs(db, parent.code, definitions, period);
  const above =
    parent.level === 'ward' && parent.parent_code
      ? await findArea(db, parent.parent_code)
      : undefined;
  const authority = above
    ? { code: above.code, name: above.name }
    : { code: parent.code, name: parent.name };
  return {
    estates,
    values,
    authority,
    areas: estates.map((e) => ({ code: e.code, name: e.name })),
  };
}

/** Adds the levels this parent's rug can show and, for an estate rug, which LSOAs make up each estate. */
export async function withEstateInfo(
  db: Kysely<Database>,
  body: RugBody,
  estates: readonly EstateRow[] | null,
): Promise<RugBody> {
  const levels: NonNullable<RugBody['levels']> = ['ward', 'lsoa'];
  if (estates ? estates.length > 0 : await hasEstates(db, body.parent.code)) levels.push('estate');
  return {
    ...body,
    levels,
    ...(estates
      ? {
          composition: {
            note: estateLsoaRuleNote,
            estates: estates.map((e) => ({
              code: e.code,
              gap: e.gap,
              lsoas: e.lsoas.map((l) => ({ ...l })),
            })),
          },
        }
      : {}),
  };
}

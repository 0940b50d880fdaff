// What a workshop heard, for officers: pins by kind × theme, ward and LSOA, and who took part
// against the population of the LSOAs the estate covers. Every count under 5 is suppressed in
// every output, and cells a published total would give away are suppressed with them
// (@thrive/participation's suppression.ts says how); 0 is shown.
import type { Database } from '@thrive/db';
import {
  AGE_BANDS,
  PIN_KINDS,
  POPULATION_AGE_GROUPS,
  POPULATION_GROUP_OF_AGE_BAND,
  PREFER_NOT_TO_SAY,
  SMALL_COUNT_THRESHOLD,
  SUPPRESSION_NOTE,
  suppressGroup,
  suppressNested,
  suppressSmall,
  type SuppressedCount,
} from '@thrive/participation';
import type { Kysely } from 'kysely';
import type { GeographyCache } from '../workshops/geography.ts';
import { requireWorkshop } from '../workshops/service.ts';
import { POPULATION_SOURCE, type PopulationSource } from './population.ts';
import {
  areaLevel,
  linkedLsoas,
  participantsByAgeBand,
  pinsByArea,
  pinsByKindTheme,
  pinTotal,
} from './repository.ts';
import type { AnalysisBody } from './schemas.ts';

const asCount = (c: SuppressedCount) => ({ count: c.value, suppressed: c.suppressed });
const HIDDEN: SuppressedCount = { value: null, suppressed: true };
/** Hides a non-zero count (its total could give it away); 0 stays 0. */
const hide = (c: SuppressedCount, raw: number): SuppressedCount => (raw === 0 ? c : HIDDEN);
const ratio = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

export interface AnalysisContext {
  db: Kysely<Database>;
  geography: GeographyCache;
  population: PopulationSource;
}

/**
 * The LSOAs an area covers: itself for an LSOA; its best-fit LSOAs for a ward or authority;
 * for an estate drawn or uploaded by an officer, the LSOAs under its outline (its corners and
 * centre) and those its pins fell in.
 */
export async function lsoasOf(
  ctx: AnalysisContext,
  areaCode: string,
  pinLsoas: readonly string[],
): Promise<string[]> {
  const level = await areaLevel(ctx.db, areaCode);
  if (level === 'lsoa') return [areaCode];
  const linked = await linkedLsoas(ctx.db, areaCode);
  if (linked.length > 0) return linked;
  const found = new Set(pinLsoas);
  const geography = await ctx.geography.get(ctx.db, areaCode);
  if (geography) {
    const [minx, miny, maxx, maxy] = geography.box;
    const rings =
      geography.wireGeometry.type === 'Polygon'
        ? [geography.wireGeometry.coordinates]
        : geography.wireGeometry.coordinates;
    const points = [[(minx + maxx) / 2, (miny + maxy) / 2], ...rings.flat(2)];
    for (const [lon, lat] of points) {
      if (lon === undefined || lat === undefined) continue;
      const { lsoaCode } = geography.placesAt(lon, lat);
      if (lsoaCode) found.add(lsoaCode);
    }
  }
  return [...found].sort();
}

/** The analysis of a workshop (by UUID or join code). */
export async function workshopAnalysis(ctx: AnalysisContext, ref: string): Promise<AnalysisBody> {
  const workshop = await requireWorkshop(ctx.db, ref);
  const [kindTheme, wards, lsoas, total, ages] = await Promise.all([
    pinsByKindTheme(ctx.db, workshop.id),
    pinsByArea(ctx.db, workshop.id, 'ward_code'),
    pinsByArea(ctx.db, workshop.id, 'lsoa_code'),
    pinTotal(ctx.db, workshop.id),
    participantsByAgeBand(ctx.db, workshop.id),
  ]);

  // Every kind × every theme, zeros included, so an empty cell reads as "nobody said this".
  const themes = [...new Set([...workshop.themes, ...kindTheme.map((r) => r.theme)])];
  const grid = PIN_KINDS.flatMap((kind) =>
    themes.map((theme) => ({
      kind,
      theme,
      raw: kindTheme.find((r) => r.kind === kind && r.theme === theme)?.count ?? 0,
    })),
  );
  const gridCounts = suppressGroup(grid.map((c) => c.raw));
  const wardCounts = suppressGroup(wards.map((w) => w.count));
  const lsoaCounts = suppressGroup(lsoas.map((l) => l.count));

  // Who took part: the age bands residents chose, nested in File 6's age groups, beside those
  // who preferred not to say and those not asked or who skipped.
  const byBand = new Map(ages.map((a) => [a.ageBand, a.count]));
  const bandCount = (band: string | null) => byBand.get(band) ?? 0;
  const answeredRaw = AGE_BANDS.reduce((sum, band) => sum + bandCount(band), 0);
  const preferRaw = bandCount(PREFER_NOT_TO_SAY);
  const notAnsweredRaw = ages
    .filter(
      (a) =>
        a.ageBand === null ||
        (a.ageBand !== PREFER_NOT_TO_SAY && !(AGE_BANDS as readonly string[]).includes(a.ageBand)),
    )
    .reduce((s, a) => s + a.count, 0);
  const participants = suppressSmall(answeredRaw + preferRaw + notAnsweredRaw);
  const [answered = HIDDEN, prefer = HIDDEN, notAnswered = HIDDEN] = suppressGroup([
    answeredRaw,
    preferRaw,
    notAnsweredRaw,
  ]);
  const bandsOfGroup = POPULATION_AGE_GROUPS.map((group) =>
    AGE_BANDS.filter((band) => POPULATION_GROUP_OF_AGE_BAND[band] === group),
  );
  const rawParts = bandsOfGroup.map((bands) => bands.map(bandCount));
  let nested = suppressNested(rawParts);
  // With the number who answered hidden, the groups would add up to it: hide them too.
  if (answered.suppressed) {
    nested = {
      groups: nested.groups.map((c, g) => hide(c, rawParts[g]?.reduce((a, b) => a + b, 0) ?? 0)),
      parts: nested.parts.map((parts, g) => parts.map((c, i) => hide(c, rawParts[g]?.[i] ?? 0))),
    };
  }

  const lsoaCodes = await lsoasOf(
    ctx,
    workshop.area_code,
    lsoas.map((l) => l.code),
  );
  const population = ctx.population.of(lsoaCodes);

  return {
    workshop: {
      code: workshop.code,
      title: workshop.title,
      areaCode: workshop.area_code,
      areaName: workshop.area_name,
    },
    pins: asCount(suppressSmall(total)),
    byKindTheme: grid.map((cell, i) => ({
      kind: cell.kind,
      theme: cell.theme,
      ...asCount(gridCounts[i] ?? HIDDEN),
    })),
    byWard: wards.map((w, i) => ({
      code: w.code,
      name: w.name,
      ...asCount(wardCounts[i] ?? HIDDEN),
    })),
    byLsoa: lsoas.map((l, i) => ({
      code: l.code,
      name: l.name,
      ...asCount(lsoaCounts[i] ?? HIDDEN),
    })),
    participants: asCount(participants),
    whoTookPart: {
      bands: POPULATION_AGE_GROUPS.map((group, g) => {
        const count = nested.groups[g] ?? HIDDEN;
        const people = population?.groups[group] ?? null;
        return {
          band: group,
          participants: count.value,
          suppressed: count.suppressed,
          share: ratio(count.value, answered.value),
          population: people,
          populationShare: ratio(people, population?.total ?? null),
        };
      }),
      ageBands: bandsOfGroup.flatMap((bands, g) =>
        bands.map((band, i) => {
          const count = nested.parts[g]?.[i] ?? HIDDEN;
          return {
            band,
            group: POPULATION_GROUP_OF_AGE_BAND[band],
            participants: count.value,
            suppressed: count.suppressed,
          };
        }),
      ),
      answered: asCount(answered),
      preferNotToSay: asCount(prefer),
      notAnswered: asCount(notAnswered),
      population: population && {
        total: population.total,
        lsoas: population.lsoas,
        period: 'mid-2015',
        source: POPULATION_SOURCE,
      },
    },
    suppressedBelow: SMALL_COUNT_THRESHOLD,
    note: `${SUPPRESSION_NOTE} Hidden pins are not counted. Population: IoD2019 population denominators (mid-2015) of the LSOAs the area covers.`,
  };
}

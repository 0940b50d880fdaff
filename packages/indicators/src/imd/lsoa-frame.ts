// File 2 ranks joined to File 6 populations by LSOA code, held as typed columns so summaries
// over every authority and domain read flat arrays.
import type { IodDomainsRecord } from '../readers/iod-domains.ts';
import type { PopulationRecord } from '../readers/population.ts';
import { byDomain, type IodDomain, type PopulationBasis } from './domains.ts';

/** LSOAs in File 2 order: codes, authority, rank per domain (1 = most deprived) and population per basis. */
export interface LsoaFrame {
  readonly lsoaCodes: readonly string[];
  readonly ladCodes: readonly string[];
  readonly ladNames: readonly string[];
  readonly ranks: Readonly<Record<IodDomain, Int32Array>>;
  readonly populations: Readonly<Record<PopulationBasis, Float64Array>>;
}

/** File 2 and File 6 do not line up: an LSOA is missing from one or listed twice. */
export class LsoaJoinError extends Error {
  override name = 'LsoaJoinError';
  readonly lsoaCode: string;

  constructor(lsoaCode: string, reason: string) {
    super(`LSOA ${lsoaCode}: ${reason}`);
    this.lsoaCode = lsoaCode;
  }
}

/**
 * Joins File 2 records to File 6 populations by LSOA code.
 * @throws LsoaJoinError when an LSOA is listed twice or has no population record.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2, File 6)
 */
export function buildLsoaFrame(
  domains: readonly IodDomainsRecord[],
  populations: readonly PopulationRecord[],
): LsoaFrame {
  const n = domains.length;
  const ranks = byDomain(() => new Int32Array(n));
  const { imd, income, employment, education, health, crime, housing, environment } = ranks;
  const total = new Float64Array(n);
  const workingAge = new Float64Array(n);
  const lsoaCodes = new Array<string>(n);
  const ladCodes = new Array<string>(n);
  const ladNames = new Array<string>(n);
  // The usual case is File 6 listing the same LSOAs in the same strictly increasing code order
  // as File 2 (strict order also rules out duplicates): row i joins row i. That is checked on
  // the way, in the one walk that fills the columns; the first row that breaks it switches to
  // a join by code, which finds and reports whatever does not line up.
  let populationIndex: Int32Array | undefined =
    n === populations.length ? undefined : joinByCode(domains, populations);
  let previousCode = '';
  // One visit per record, every column written from it: the records are scattered objects, so
  // walking them once (not once per column) is what keeps the join cheap. An authority's LSOAs
  // come in runs, so each run shares one code and one name string: later grouping by code then
  // compares references, not text.
  let ladCode = '';
  let ladName = '';
  for (let i = 0; i < n; i++) {
    const record = domains[i] as IodDomainsRecord;
    const code = record.lsoaCode;
    let population = populations[populationIndex?.[i] ?? i] as PopulationRecord;
    if (populationIndex === undefined && (population.lsoaCode !== code || !(code > previousCode))) {
      populationIndex = joinByCode(domains, populations);
      population = populations[populationIndex[i] as number] as PopulationRecord;
    }
    previousCode = code;
    const r = record.ranks;
    imd[i] = r.imd;
    income[i] = r.income;
    employment[i] = r.employment;
    education[i] = r.education;
    health[i] = r.health;
    crime[i] = r.crime;
    housing[i] = r.housing;
    environment[i] = r.environment;
    lsoaCodes[i] = code;
    if (record.ladCode !== ladCode || record.ladName !== ladName) {
      ladCode = record.ladCode;
      ladName = record.ladName;
    }
    ladCodes[i] = ladCode;
    ladNames[i] = ladName;
    total[i] = population.total;
    workingAge[i] = population.workingAge;
  }
  return { lsoaCodes, ladCodes, ladNames, ranks, populations: { total, workingAge } };
}

/** Index of each File 2 LSOA's File 6 record, found by code. */
function joinByCode(
  domains: readonly IodDomainsRecord[],
  populations: readonly PopulationRecord[],
): Int32Array {
  const indexOf = new Map<string, number>();
  populations.forEach((record, i) => {
    if (indexOf.has(record.lsoaCode))
      throw new LsoaJoinError(record.lsoaCode, 'listed twice among the population denominators');
    indexOf.set(record.lsoaCode, i);
  });
  const used = new Uint8Array(populations.length);
  return Int32Array.from(domains, (record) => {
    const i = indexOf.get(record.lsoaCode);
    if (i === undefined)
      throw new LsoaJoinError(record.lsoaCode, 'has ranks but no population denominators');
    if (used[i] === 1)
      throw new LsoaJoinError(record.lsoaCode, 'listed twice among the domain ranks');
    used[i] = 1;
    return i;
  });
}

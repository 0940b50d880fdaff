import { describe, expect, it } from 'vitest';
import { byDomain } from '../imd/domains.ts';
import { buildLsoaFrame } from '../imd/lsoa-frame.ts';
import type { CniWardRecord } from '../readers/cni-wards.ts';
import type { IodDomainsRecord } from '../readers/iod-domains.ts';
import { IOD_INDICATOR_COLUMNS, type IodIndicatorsRecord } from '../readers/iod-indicators.ts';
import type { PopulationRecord } from '../readers/population.ts';
import { cniWardValues, groupValues, smallAreaValues, type AreaValue, type SmallAreaRecords } from './area-values.ts';

// Hand-made records for three made-up LSOAs (A and B in ward W1, C in W2); not real data.
const lsoas = [
  { code: 'A', rank: 100, total: 1000, income: 100, ypll: 10 },
  { code: 'B', rank: 200, total: 2000, income: 300, ypll: 40 },
  { code: 'C', rank: 30000, total: 1000, income: null, ypll: 20 },
] as const;

const domains: IodDomainsRecord[] = lsoas.map((l) => ({
  lsoaCode: l.code,
  lsoaName: `LSOA ${l.code}`,
  ladCode: 'L1',
  ladName: 'Test authority',
  ranks: byDomain(() => l.rank),
  deciles: byDomain(() => Math.ceil((l.rank / 32844) * 10)),
}));
const populations: PopulationRecord[] = lsoas.map((l) => ({
  lsoaCode: l.code,
  lsoaName: `LSOA ${l.code}`,
  ladCode: 'L1',
  ladName: 'Test authority',
  total: l.total,
  children0to15: l.total / 5,
  aged16to59: l.total / 2,
  aged60AndOver: l.total / 5,
  workingAge: l.total / 2,
}));
const indicators: IodIndicatorsRecord[] = lsoas.map((l) => ({
  lsoaCode: l.code,
  numerators: { income: l.income, idaci: null, idaopi: null, employment: null },
  indicators: {
    ...(Object.fromEntries(IOD_INDICATOR_COLUMNS.map((c) => [c, null])) as IodIndicatorsRecord['indicators']),
    years_of_potential_life_lost_indicator: l.ypll,
  },
}));
const records: SmallAreaRecords = {
  frame: buildLsoaFrame(domains, populations),
  domains,
  populations: new Map(populations.map((p) => [p.lsoaCode, p])),
  indicators: new Map(indicators.map((r) => [r.lsoaCode, r])),
};

const WARD_OF: Record<string, string> = { A: 'W1', B: 'W1', C: 'W2' };
const find = (values: AreaValue[], indicatorId: string, areaCode: string) => values.find((v) => v.indicatorId === indicatorId && v.areaCode === areaCode);

describe('values for small areas', () => {
  const values = smallAreaValues(records, (i) => records.frame.lsoaCodes[i] !== 'C');

  it('gives each included LSOA its IMD rank and decile from File 2', () => {
    expect(find(values, 'imd_rank', 'A')?.value).toBe(100);
    expect(find(values, 'imd_decile', 'A')?.value).toBe(1);
    expect(values.some((v) => v.areaCode === 'C')).toBe(false);
  });

  it('gives an LSOA its income deprivation rate as a percentage with counts', () => {
    // 100 of 1,000 people = 10%.
    expect(find(values, 'income_deprivation_rate', 'A')).toMatchObject({ value: 10, numerator: 100, denominator: 1000 });
  });
});

describe('values for groups of small areas', () => {
  const wards = groupValues(records, (i) => WARD_OF[records.frame.lsoaCodes[i] as string]);

  it('sums numerators and denominators for rates instead of averaging them', () => {
    // (100 + 300) / (1,000 + 2,000) = 13.33%; the average of 10% and 15% would be 12.5%.
    const w1 = find(wards, 'income_deprivation_rate', 'W1');
    expect(w1).toMatchObject({ numerator: 400, denominator: 3000, note: null });
    expect(w1?.value).toBeCloseTo((400 / 3000) * 100, 10);
    expect(w1?.lower).toBeLessThan(w1?.value ?? 0);
    expect(w1?.upper).toBeGreaterThan(w1?.value ?? 0);
  });

  it('marks a group whose only LSOA is suppressed as missing, never zero', () => {
    const w2 = find(wards, 'income_deprivation_rate', 'W2');
    expect(w2?.value).toBeNull();
    expect(w2?.note).toMatch(/^missing: 0 of 1 LSOAs/);
  });

  it('marks a group with some suppressed LSOAs as partial and uses only the rest', () => {
    const all = groupValues(records, () => 'ALL');
    const income = find(all, 'income_deprivation_rate', 'ALL');
    expect(income).toMatchObject({ numerator: 400, denominator: 3000, note: 'partial: 2 of 3 LSOAs' });
  });

  it('takes population-weighted means of indicators without counts', () => {
    // (10 × 1,000 + 40 × 2,000) / 3,000 = 30.
    expect(find(wards, 'years_of_potential_life_lost', 'W1')?.value).toBeCloseTo(30, 10);
  });

  it("gives the IoD average rank on File 10's scale (most deprived LSOA = 32,844)", () => {
    // Ranks 100 and 200 become 32,745 and 32,645; weighted by 1,000 and 2,000 people.
    expect(find(wards, 'imd_average_rank', 'W1')?.value).toBeCloseTo((32745 * 1000 + 32645 * 2000) / 3000, 6);
    // Both LSOAs are in the most deprived 10% (rank ≤ 3,284): proportion and extent are 100%.
    expect(find(wards, 'imd_proportion', 'W1')?.value).toBe(100);
    expect(find(wards, 'imd_extent', 'W1')?.value).toBe(100);
  });
});

describe('Community Needs Index values', () => {
  const score = (s: number, r: number) => ({ score: s, rank: r });
  const ward = (code: string): CniWardRecord => ({
    wardCode: code,
    wardName: code,
    ladCode: 'L1',
    ladName: 'Test authority',
    civicAssets: score(1, 10),
    connectedness: score(2, 20),
    engagedCommunity: score(3, 30),
    communityNeedsIndex: score(6, 60),
    leftBehind: false,
  });

  it('gives scores and ranks only for the wards asked for', () => {
    const values = cniWardValues([ward('W1'), ward('W9')], new Set(['W1']));
    expect(new Set(values.map((v) => v.areaCode))).toEqual(new Set(['W1']));
    expect(find(values, 'cni_score', 'W1')?.value).toBe(6);
    expect(find(values, 'cni_connectedness_rank', 'W1')?.value).toBe(20);
  });
});

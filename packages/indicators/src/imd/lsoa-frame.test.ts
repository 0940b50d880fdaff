// Records here are hand-made: three LSOAs of an invented authority.
import { describe, expect, it } from 'vitest';
import type { IodDomainsRecord } from '../readers/iod-domains.ts';
import type { PopulationRecord } from '../readers/population.ts';
import { buildLsoaFrame } from './lsoa-frame.ts';

const ranksAll = (rank: number) => ({
  imd: rank,
  income: rank + 1,
  employment: rank + 2,
  education: rank,
  health: rank,
  crime: rank,
  housing: rank,
  environment: rank,
});
const domains = (codes: string[]): IodDomainsRecord[] =>
  codes.map((code, i) => ({
    lsoaCode: code,
    lsoaName: `${code} name`,
    ladCode: 'E07000001',
    ladName: 'Somewhere',
    ranks: ranksAll(10 * (i + 1)),
    deciles: ranksAll(1),
  }));
const populations = (codes: string[]): PopulationRecord[] =>
  codes.map((code, i) => ({
    lsoaCode: code,
    lsoaName: `${code} name`,
    ladCode: 'E07000001',
    ladName: 'Somewhere',
    total: 1000 + i,
    children0to15: 0,
    aged16to59: 0,
    aged60AndOver: 0,
    workingAge: 600 + i,
  }));

describe('buildLsoaFrame', () => {
  it('holds ranks per domain and total and working-age populations in File 2 order', () => {
    const frame = buildLsoaFrame(
      domains(['E01', 'E02', 'E03']),
      populations(['E01', 'E02', 'E03']),
    );
    expect(frame.lsoaCodes).toEqual(['E01', 'E02', 'E03']);
    expect(Array.from(frame.ranks.imd)).toEqual([10, 20, 30]);
    expect(Array.from(frame.ranks.employment)).toEqual([12, 22, 32]);
    expect(Array.from(frame.populations.total)).toEqual([1000, 1001, 1002]);
    expect(Array.from(frame.populations.workingAge)).toEqual([600, 601, 602]);
  });

  it('joins by LSOA code when the population file lists LSOAs in another order', () => {
    const frame = buildLsoaFrame(
      domains(['E01', 'E02', 'E03']),
      populations(['E03', 'E01', 'E02']),
    );
    // E03 is population record 0 (1,000 people), E01 record 1 (1,001), E02 record 2 (1,002)
    expect(Array.from(frame.populations.total)).toEqual([1001, 1002, 1000]);
  });

  it('rejects an LSOA with ranks but no population, naming it', () => {
    expect(() => buildLsoaFrame(domains(['E01', 'E02']), populations(['E01']))).toThrow(
      expect.objectContaining({
        name: 'LsoaJoinError',
        lsoaCode: 'E02',
        message: 'LSOA E02: has ranks but no population denominators',
      }),
    );
  });

  it('rejects an LSOA listed twice in either file', () => {
    expect(() => buildLsoaFrame(domains(['E01', 'E01']), populations(['E01', 'E02']))).toThrow(
      expect.objectContaining({ name: 'LsoaJoinError', lsoaCode: 'E01' }),
    );
    expect(() => buildLsoaFrame(domains(['E01']), populations(['E01', 'E01']))).toThrow(
      expect.objectContaining({
        name: 'LsoaJoinError',
        message: 'LSOA E01: listed twice among the population denominators',
      }),
    );
  });
});

// The readers on the real files of the open-data mirror (never copied into the repo): every
// header found by name, every row read. The mirror is at DATA_MIRROR or, by default,
// ../shared/data from the repository root; CI always has it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorDir } from '@thrive/geo/test-support/mirror';
import { describe, expect, it } from 'vitest';
import { readCniWards } from './cni-wards.ts';
import { readIodDomains } from './iod-domains.ts';
import { readIodIndicators } from './iod-indicators.ts';
import { readPopulationDenominators } from './population.ts';

const MIRROR = mirrorDir();

function mirrorText(path: string): string {
  const file = join(MIRROR, path);
  if (!existsSync(file))
    throw new Error(`data mirror file not found: ${file} (set DATA_MIRROR to the mirror folder)`);
  return readFileSync(file, 'utf8');
}

// Whole national files: seconds on a quiet machine, far more with both cores busy.
describe('readers on the data mirror', { timeout: 120_000 }, () => {
  it('reads all 32,844 LSOAs of File 2 in 317 local authority districts', () => {
    const records = readIodDomains(mirrorText('imd2019/File_2_IoD2019_Domains_of_Deprivation.csv'));
    expect(records).toHaveLength(32_844);
    expect(new Set(records.map((r) => r.ladCode)).size).toBe(317);
    expect(records.find((r) => r.ladCode === 'E06000023')?.ladName).toBe('Bristol, City of');
  });

  it('reads File 6 with its thousands separators: City of London 001A has 1,296 people', () => {
    const records = readPopulationDenominators(
      mirrorText('imd2019/File_6_IoD2019_Population_Denominators.csv'),
    );
    expect(records).toHaveLength(32_844);
    expect(records[0]).toMatchObject({ lsoaCode: 'E01000001', total: 1296, workingAge: 715 });
  });

  it('reads the underlying indicators, suppressed numerators as null', () => {
    const records = readIodIndicators(mirrorText('imd2019/imd2019_england_lsoa11_indicators.csv'));
    expect(records).toHaveLength(32_844);
    expect(records[0]?.numerators.income).toBeNull();
    expect(records[1]?.numerators).toMatchObject({ income: 40, employment: 15 });
  });

  it('reads the 7,433 wards of the Community Needs Index', () => {
    const records = readCniWards(mirrorText('cni2019/cni2019_england_ward17.csv'));
    expect(records).toHaveLength(7_433);
    expect(records.filter((r) => r.leftBehind)).toHaveLength(225);
  });
});

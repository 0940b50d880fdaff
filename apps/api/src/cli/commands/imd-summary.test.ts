// Runs `imd-summary` on the real data mirror (DATA_MIRROR, default ../shared/data from the
// repository root; CI always has it) into a temporary folder, and on a missing mirror.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildLsoaFrame,
  parseCsvTable,
  readIodDomains,
  readPopulationDenominators,
  summariseAuthorities,
} from '@thrive/indicators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../command.ts';
import { runCli } from '../main.ts';
import { imdSummaryHeader, imdSummaryRow } from './imd-summary.ts';

const MIRROR = loadConfig(process.env).dataMirror;
let folder = '';

function capture(env: CliIo['env'] = process.env): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return { io: { env, stdout: () => undefined, stderr: (line) => err.push(line) }, err };
}

beforeAll(() => {
  if (!existsSync(MIRROR)) throw new Error(`data mirror not found at ${MIRROR} (set DATA_MIRROR)`);
  folder = mkdtempSync(join(tmpdir(), 'thrive-imd-summary-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('thrive imd-summary --level lad --out FILE.csv', () => {
  it('writes a header and one row for each of the 317 authorities, sorted by code, and says so on stderr', async () => {
    const out = join(folder, 'imd.csv');
    const { io, err } = capture();
    expect(await runCli(['imd-summary', '--level', 'lad', '--out', out], io)).toBe(0);

    const table = parseCsvTable(readFileSync(out, 'utf8'), out);
    expect(table.header).toEqual(imdSummaryHeader());
    expect(table.header.slice(0, 6)).toEqual([
      'lad_code',
      'lad_name',
      'imd_average_rank',
      'imd_proportion',
      'imd_extent',
      'imd_local_concentration',
    ]);
    expect(table.header).toHaveLength(2 + 8 * 4);
    expect(table.rows).toHaveLength(317);
    const codes = table.rows.map((row) => row.cells[0]);
    expect(codes).toEqual([...codes].sort());
    expect(table.rows.find((row) => row.cells[0] === 'E06000023')?.cells[1]).toBe(
      'Bristol, City of',
    );
    expect(err).toHaveLength(4);
    expect(err[0]).toBe('reading imd2019/File_2_IoD2019_Domains_of_Deprivation.csv… 32,844 LSOAs');
    expect(err[2]).toMatch(/^computing 317 authorities × 8 domains × 4 measures… \d+ ms$/);
    expect(err[3]?.startsWith(`wrote ${out} (317 rows) in `)).toBe(true);
  });

  it("writes Dacorum's row exactly as the indicators package computes it, in full precision", async () => {
    const out = join(folder, 'dacorum.csv');
    expect(await runCli(['imd-summary', '--out', out], capture().io)).toBe(0);
    const written = parseCsvTable(readFileSync(out, 'utf8'), out).rows.find(
      (row) => row.cells[0] === 'E07000096',
    );

    const domains = readIodDomains(
      readFileSync(join(MIRROR, 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv'), 'utf8'),
    );
    const populations = readPopulationDenominators(
      readFileSync(join(MIRROR, 'imd2019/File_6_IoD2019_Population_Denominators.csv'), 'utf8'),
    );
    const dacorum = summariseAuthorities(buildLsoaFrame(domains, populations)).find(
      (a) => a.key === 'E07000096',
    );
    if (dacorum === undefined) throw new Error('Dacorum is missing from the summaries');

    expect(written?.cells).toEqual(
      imdSummaryRow(dacorum).map((value) => (value === null ? '' : String(value))),
    );
    expect(written?.cells[2]).toBe(String(dacorum.measures.imd.averageRank));
  });

  it('fails with exit code 1 and one line naming the missing input file', async () => {
    const empty = join(folder, 'no-mirror');
    const { io, err } = capture({ DATA_MIRROR: empty });
    expect(await runCli(['imd-summary', '--out', join(folder, 'never.csv')], io)).toBe(1);
    expect(err).toEqual([
      `thrive imd-summary: missing input ${join(empty, 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv')} (is DATA_MIRROR the data mirror folder?)`,
    ]);
    expect(existsSync(join(folder, 'never.csv'))).toBe(false);
  });

  it('refuses any level but lad with exit code 2, saying ward summaries need a loaded authority', async () => {
    const { io, err } = capture();
    expect(await runCli(['imd-summary', '--level', 'ward'], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('only --level lad is');
  });
});

// The rug says what its colours mean and why a cell is empty, on real data: Dacorum (wards of
// 2013 = 2017) and Milton Keynes (re-warded in 2014, so the CNI's 2017 wards do not join).
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWith, DACORUM } from '../../test-support/dacorum.ts';
import type { ProfileBody } from '../profiles/schemas.ts';
import type { RugBody } from './schemas.ts';

const MILTON_KEYNES = 'E06000042';

describe.each(testEngines())('honest rug colours and gaps on $name', (engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await appWith(engine, [DACORUM, MILTON_KEYNES]));
  }, 300_000);
  afterAll(() => app?.close());

  const rugOf = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/rug?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<RugBody>();
  };
  const column = (rug: RugBody, id: string) =>
    rug.rows.map((r) => r.cells.find((c) => c.indicator === id));

  it("never compares Dacorum's wards on homelessness, one figure for the whole authority", async () => {
    const rug = await rugOf(`parent=${DACORUM}&indicators=homelessness_rate,distance_gp`);
    const cells = column(rug, 'homelessness_rate');
    expect(cells).toHaveLength(25);
    // The real column reads 2.74 or 2.75: averaging one authority figure over LSOAs.
    expect(cells.every((c) => c?.text.startsWith('2.74 ') || c?.text.startsWith('2.75 '))).toBe(
      true,
    );
    expect(
      cells.every((c) => c?.band === 0 && c.token === 'not_compared' && c.gap === 'authority_wide'),
    ).toBe(true);
    expect(cells.every((c) => c?.text.endsWith('(same for the whole authority)'))).toBe(true);
    expect(rug.columns[0]?.notBanded).toBe('authority_wide');
    expect(rug.legend.summary).toContain('same for the whole authority');
  });

  it.each([DACORUM, MILTON_KEYNES])(
    'gives cells that read the same the same band and colour in every quintile column of %s',
    async (code) => {
      const rug = await rugOf(`parent=${code}`);
      let pairs = 0;
      rug.columns.forEach((c, i) => {
        if (c.comparisonMethod !== 'quintile') return;
        const byText = new Map<string, string>();
        for (const row of rug.rows) {
          const cell = row.cells[i];
          if (!cell || cell.value === null) continue;
          const seen = byText.get(cell.text);
          if (seen !== undefined) {
            pairs++;
            expect(`${c.id} ${cell.text} ${cell.token}`).toBe(`${c.id} ${cell.text} ${seen}`);
          } else byText.set(cell.text, cell.token);
        }
      });
      // The real data holds ties (Milton Keynes's 6.96 among them): the check is not empty.
      expect(pairs).toBeGreaterThan(0);
    },
  );

  it("says exactly why Milton Keynes's 2013 wards have no Community Needs Index", async () => {
    const rug = await rugOf(`parent=${MILTON_KEYNES}&indicators=cni_score,income_deprivation_rate`);
    const cells = column(rug, 'cni_score');
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell).toMatchObject({
        value: null,
        gap: 'ward_vintage',
        text: '– other ward vintage',
      });
      expect(cell?.explanation).toBe(
        "Milton Keynes's wards changed after December 2013: Community Needs Index 2019 is published for 2017 wards, which do not join these wards of December 2013 (wards are never matched by name).",
      );
      expect(cell?.label).toContain('wards changed after December 2013');
    }
    // Dacorum's ward codes are the same in 2013 and 2017: its CNI joins.
    const dacorum = await rugOf(`parent=${DACORUM}&indicators=cni_score`);
    expect(column(dacorum, 'cni_score').every((c) => c?.value !== null && c?.gap === null)).toBe(
      true,
    );
  });

  it("lists on a Milton Keynes ward's profile the indicators left out, and why", async () => {
    const rug = await rugOf(`parent=${MILTON_KEYNES}&indicators=cni_score`);
    const ward = rug.rows[0]?.code ?? '';
    const response = await app.inject({ method: 'GET', url: `/api/areas/${ward}/profile` });
    expect(response.statusCode).toBe(200);
    const profile = response.json<ProfileBody>();
    expect(profile.missing?.find((m) => m.id === 'cni_score')).toMatchObject({
      gap: 'ward_vintage',
      explanation: expect.stringContaining("Milton Keynes's wards changed after December 2013"),
    });
    expect(profile.indicators.some((i) => i.id === 'cni_score')).toBe(false);
  });

  it('says the CNI is not published for LSOAs', async () => {
    const rug = await rugOf(`parent=${DACORUM}&level=lsoa&indicators=cni_score`);
    expect(
      column(rug, 'cni_score').every(
        (c) => c?.gap === 'not_published' && c.explanation?.startsWith('Not published for LSOAs'),
      ),
    ).toBe(true);
  });

  it("judges the authority's own row as the chosen benchmark says", async () => {
    const byParent = await rugOf(`parent=${DACORUM}&indicators=income_deprivation_rate`);
    const byEngland = await rugOf(
      `parent=${DACORUM}&indicators=income_deprivation_rate&benchmark=england`,
    );
    const dacorumRow = (rug: RugBody) => rug.benchmarks.find((b) => b.code === DACORUM)?.cells[0];
    expect(dacorumRow(byParent)).toMatchObject({ token: 'benchmark', judgement: 'not_compared' });
    expect(dacorumRow(byParent)?.label).toMatch(/\), benchmark( \(|$)/);
    expect(dacorumRow(byEngland)?.token).not.toBe('benchmark');
    expect(dacorumRow(byEngland)?.judgement).not.toBe('not_compared');
  });

  it('writes the CSV as Excel opens it: BOM, rounded and full values, comparison in words, the filter, a telling file name', async () => {
    const url = `/api/rug.csv?parent=${DACORUM}&indicators=income_deprivation_rate,homelessness_rate&benchmark=england&confidence=99.8&q=berkhamsted`;
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="rug-E07000096-ward-vs-england-99.8pc.csv"',
    );
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    const headerAt = lines.findIndex((l) => l.startsWith('area_code,'));
    const header = lines[headerAt]?.split(',') ?? [];
    expect(header).toEqual(
      expect.arrayContaining([
        'value_full_precision',
        'value_as_displayed',
        'band',
        'comparison',
        'why_empty_or_not_compared',
      ]),
    );
    const records = lines
      .slice(headerAt + 1)
      .filter(Boolean)
      .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((f) => f.replace(/,$/, '')) ?? []);
    const field = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
    const areas = records.filter((r) => field(r, 'row_kind') === 'area');
    // Only the Berkhamsted wards, as the page filters them; the benchmark rows stay.
    expect(new Set(areas.map((r) => field(r, 'area_name')))).toEqual(
      new Set(['Berkhamsted Castle', 'Berkhamsted East', 'Berkhamsted West']),
    );
    expect(records.some((r) => field(r, 'row_kind') === 'england')).toBe(true);
    const income = areas.find((r) => field(r, 'indicator_id') === 'income_deprivation_rate') ?? [];
    expect(field(income, 'value_as_displayed')).toMatch(/^\d+\.\d$/);
    expect(Number(field(income, 'value_full_precision'))).toBeCloseTo(
      Number(field(income, 'value_as_displayed')),
      1,
    );
    expect(field(income, 'value_full_precision').length).toBeGreaterThan(5);
    expect(field(income, 'comparison')).toMatch(
      /^(better than England|worse than England|similar to England)$/,
    );
    const homeless = areas.find((r) => field(r, 'indicator_id') === 'homelessness_rate') ?? [];
    expect(field(homeless, 'comparison')).toBe('same for the whole authority (not compared)');
    expect(field(homeless, 'why_empty_or_not_compared')).toMatch(/^"?Same for the whole authority/);
    expect(response.body).toMatch(/^\uFEFF# .*99\.8% confidence/);
  });
});

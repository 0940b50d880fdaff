import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { loadAuthority } from '../imports/load-authority.ts';
import { Mirror } from '../imports/mirror.ts';
import { readNationalData } from '../imports/national-data.ts';
import { fetchOpenData, type DatasetOutcome } from './fetcher.ts';
import {
  downloadsOf,
  isManual,
  readRegister,
  rebase,
  type AutomaticFetch,
  type FetchRegister,
  type XlsxColumnsLayout,
} from './register.ts';

// A local server stands in for the publishers: it serves the shared mirror's files at the
// paths the register names (nothing here reaches the internet). Where the mirror holds a file
// derived from the publisher's (File 2 and File 6 are columns of GOV.UK's File 7; the
// indicators and sub-domains are GOV.UK's Excel Files 8 and 4), the test builds the
// publisher-shaped file from the mirror's, the workbooks with exceljs's writer.
const MIRROR = loadConfig({}).dataMirror;
const DACORUM = 'E07000096';
const MILTON_KEYNES = 'E06000042';
const real = readRegister();
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const pathOf = (url: string) => new URL(url).pathname;
const mirrorFile = (relative: string) => readFileSync(join(MIRROR, relative));

function file7(): string {
  const read = (name: string) =>
    parse(readFileSync(join(MIRROR, 'imd2019', name), 'utf8'), { bom: true }) as string[][];
  const [h2 = [], ...domains] = read('File_2_IoD2019_Domains_of_Deprivation.csv');
  const [h6 = [], ...populations] = read('File_6_IoD2019_Population_Denominators.csv');
  const byCode = new Map(populations.map((r) => [r[0], r.slice(4)]));
  const quote = (t: string) => (/[",]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);
  return [[...h2, ...h6.slice(4)], ...domains.map((r) => [...r, ...(byCode.get(r[0]) ?? [])])]
    .map((r) => r.map(quote).join(','))
    .join('\r\n');
}

const readCsv = (text: string) => parse(text, { bom: true }) as string[][];

// File 8's sheets as GOV.UK lays them out: a notes sheet, then one sheet per domain, each with
// the LSOA code and that domain's columns (how many, in the register's order).
const FILE_8_SHEETS: [string, number][] = [
  ['IoD2019 Income Domain', 3],
  ['IoD2019 Employment Domain', 1],
  ['IoD2019 Education Domain', 3],
  ['IoD2019 Health Domain', 4],
  ['IoD2019 Barriers Domain', 9],
  ['IoD2019 Living Env Domain', 8],
];

/** A publisher-shaped workbook of the mirror's CSV: its columns under the publisher's headers, split into sheets. */
async function workbookOf(
  csv: string,
  layout: XlsxColumnsLayout,
  sheets: [string, number][],
  path: string,
): Promise<Buffer> {
  const [header = [], ...rows] = readCsv(csv);
  const headers = header.map((name) => layout.columns[name] ?? name);
  const cell = (text: string) =>
    text === '' ? null : Number.isNaN(Number(text)) ? text : Number(text);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const notes = book.addWorksheet('Notes');
  notes.addRow(['English Indices of Deprivation 2019']).commit();
  notes.addRow(['Stand-in built by the test from the data mirror']).commit();
  notes.commit();
  let from = 1; // column 0 is the LSOA code, in every sheet
  for (const [name, count] of sheets) {
    const sheet = book.addWorksheet(name);
    const columns = [0, ...Array.from({ length: count }, (_, i) => from + i)];
    from += count;
    sheet.addRow(columns.map((i) => headers[i])).commit();
    // The last sheet in reverse order: sheets are joined on the code, not by position.
    const ordered = name === sheets.at(-1)?.[0] ? [...rows].reverse() : rows;
    for (const row of ordered) sheet.addRow(columns.map((i) => cell(row[i] ?? ''))).commit();
    sheet.commit();
  }
  await book.commit();
  return readFileSync(path);
}

/** The real register cut down to Dacorum and Milton Keynes, with checksums of what the local server serves. */
async function testRegister(served: Map<string, Buffer>, scratch: string): Promise<FetchRegister> {
  const datasets: FetchRegister['datasets'] = [];
  for (const d of real.datasets) {
    if (isManual(d.fetch)) {
      datasets.push(d);
      continue;
    }
    const fetch: AutomaticFetch = { ...d.fetch };
    if (fetch.url.includes('{key}')) {
      const keys = d.id === 'ward-boundaries-2013' ? [DACORUM] : [DACORUM, MILTON_KEYNES];
      const folder =
        d.id === 'ward-boundaries-2013' ? 'boundaries/wards-2013' : 'boundaries/lsoa-2011';
      fetch.sha256 = Object.fromEntries(
        keys.map((k) => [k, sha(mirrorFile(`${folder}/${k}.geojson`))]),
      );
      for (const download of downloadsOf(fetch))
        served.set(pathOf(download.url), mirrorFile(`${folder}/${download.key}.geojson`));
    } else if (d.id === 'cni2019') {
      served.set(pathOf(fetch.url), mirrorFile(d.mirror)); // the mirror holds the publisher's file unchanged
    } else if (fetch.layout.kind === 'xlsx-columns') {
      const sheets: [string, number][] =
        d.id === 'iod2019-indicators'
          ? FILE_8_SHEETS
          : [['IoD2019 Sub-domains', Object.keys(fetch.layout.columns).length - 1]];
      const csv = mirrorFile(d.mirror).toString('utf8');
      served.set(
        pathOf(fetch.url),
        await workbookOf(csv, fetch.layout, sheets, join(scratch, `${d.id}.xlsx`)),
      );
    } else {
      served.set(pathOf(fetch.url), Buffer.from(file7()));
    }
    datasets.push({ ...d, fetch });
  }
  return { datasets };
}

describe('data fetch from a local stand-in for the publishers', () => {
  const served = new Map<string, Buffer>();
  let register: FetchRegister;
  const requests: { path: string; range: string | undefined }[] = [];
  let server: Server;
  let from = '';
  let dest = '';
  let scratch = '';
  let outcomes: DatasetOutcome[];
  const lines: string[] = [];

  const special: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/html/cni.csv': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body>Page not found</body></html>'),
    '/drop/cni.csv': (req, res) => {
      const body = mirrorFile('cni2019/cni2019_england_ward17.csv');
      const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        res
          .writeHead(206, {
            'content-length': body.length - start,
            'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
          })
          .end(body.subarray(start));
        return;
      }
      // Half the file, then the connection drops.
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'text/csv' });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push({ path, range: req.headers.range });
      const handler = special[path];
      if (handler) return handler(req, res);
      const body = served.get(path);
      if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res
        .writeHead(200, {
          'content-length': body.length,
          'content-type': 'application/octet-stream',
        })
        .end(body);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    from = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dest = mkdtempSync(join(tmpdir(), 'thrive-open-data-'));
    scratch = mkdtempSync(join(tmpdir(), 'thrive-publishers-'));
    register = await testRegister(served, scratch);
    outcomes = await fetchOpenData({ dest, from, register, progress: (l) => lines.push(l) });
  }, 120_000);
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    rmSync(dest, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const cniOnly = (fetch: Partial<AutomaticFetch>): FetchRegister => ({
    datasets: register.datasets
      .filter((d) => d.id === 'cni2019')
      .map((d) => ({ ...d, fetch: { ...(d.fetch as AutomaticFetch), ...fetch } })),
  });
  const cniPath = () => join(dest, 'cni2019/cni2019_england_ward17.csv');

  it('keeps the path and swaps the scheme and host for --from', () => {
    expect(
      rebase('https://assets.publishing.service.gov.uk/a/File_7.csv', 'http://127.0.0.1:9/'),
    ).toBe('http://127.0.0.1:9/a/File_7.csv');
    expect(rebase('https://example.org/a/b.csv?x=1', 'http://copy.local/publishers')).toBe(
      'http://copy.local/publishers/a/b.csv?x=1',
    );
  });

  it('records the CNI checksum of the file exactly as the mirror holds it', () => {
    const cni = real.datasets.find((d) => d.id === 'cni2019');
    expect((cni?.fetch as AutomaticFetch).sha256).toBe(
      sha(mirrorFile('cni2019/cni2019_england_ward17.csv')),
    );
  });

  it('fetches every automatic dataset and lays it out as the loaders read it', () => {
    expect(Object.fromEntries(outcomes.map((o) => [o.id, o.status]))).toEqual({
      'ward-boundaries-2013': 'fetched',
      'lsoa-boundaries-2011': 'fetched',
      'lsoa-centroids-2011': 'fetched',
      'iod2019-domains': 'fetched',
      'iod2019-population': 'fetched',
      'iod2019-indicators': 'fetched',
      'iod2019-subdomains': 'fetched',
      cni2019: 'fetched',
    });
    expect(readFileSync(cniPath())).toEqual(mirrorFile('cni2019/cni2019_england_ward17.csv'));
    expect(existsSync(join(dest, `boundaries/wards-2013/${DACORUM}.geojson`))).toBe(true);
    expect(outcomes.find((o) => o.id === 'iod2019-domains')?.unverified).toHaveLength(1);
    expect(lines.some((l) => /\d+\/2 files, [\d.]+ MB/.test(l))).toBe(true);
  });

  it("turns GOV.UK's Excel Files 8 and 4 into the mirror's CSVs, cell for cell", () => {
    for (const file of [
      'imd2019/imd2019_england_lsoa11_indicators.csv',
      'imd2019/imd2019_england_lsoa11_subdomains.csv',
    ]) {
      const fetched = readCsv(readFileSync(join(dest, file), 'utf8'));
      const mirrored = readCsv(mirrorFile(file).toString('utf8'));
      expect(fetched.length).toBe(32_844 + 1);
      expect(fetched).toEqual(mirrored);
    }
  });

  it("refuses another release's workbook, naming the column it expected", async () => {
    const layout: XlsxColumnsLayout = {
      kind: 'xlsx-columns',
      key: 'LSOA code (2011)',
      columns: {
        lsoa11_code: 'LSOA code (2011)',
        income_domain_numerator: 'Income Domain numerator',
      },
    };
    const iod2025 = 'LSOA code (2021),Income Domain numerator\nE01000001,10\n';
    served.set(
      '/iod2025/File_8.xlsx',
      await workbookOf(
        iod2025,
        layout,
        [['IoD2025 Income Domain', 1]],
        join(scratch, 'iod2025.xlsx'),
      ),
    );
    const before = readFileSync(join(dest, 'imd2019/imd2019_england_lsoa11_indicators.csv'));
    const [outcome] = await fetchOpenData({
      dest,
      from,
      register: {
        datasets: register.datasets
          .filter((d) => d.id === 'iod2019-indicators')
          .map((d) => ({
            ...d,
            fetch: { url: 'https://publisher.example/iod2025/File_8.xlsx', sha256: null, layout },
          })),
      },
      progress: () => {},
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(
      /^iod2019-indicators \(IoD2019, LSOA 2011\): .*no sheet has a "LSOA code \(2011\)" column.*nothing was replaced$/,
    );
    expect(readFileSync(join(dest, 'imd2019/imd2019_england_lsoa11_indicators.csv'))).toEqual(
      before,
    );
  });

  it('says what to download by hand for a dataset that cannot be fetched', async () => {
    const [outcome] = await fetchOpenData({
      dest: join(scratch, 'empty'),
      register: {
        datasets: register.datasets
          .filter((d) => d.id === 'iod2019-subdomains')
          .map((d) => ({ ...d, fetch: { manual: 'The publisher offers it only after sign-in.' } })),
      },
      progress: () => {},
    });
    expect(outcome?.status).toBe('manual');
    expect(outcome?.message).toMatch(
      /^iod2019-subdomains: cannot be fetched automatically: The publisher offers it only after sign-in\. Put it at .*imd2019_england_lsoa11_subdomains\.csv/,
    );
  });

  it("derives the mirror's centroids for the authorities it fetched", () => {
    const rows = (text: string) =>
      text
        .trim()
        .split('\n')
        .filter((l) => l.includes(`,${DACORUM},`) || l.includes(`,${MILTON_KEYNES},`));
    const fetched = rows(readFileSync(join(dest, 'boundaries/lsoa-2011-centroids.csv'), 'utf8'));
    expect(fetched).toHaveLength(94 + 152);
    const mirrored = rows(mirrorFile('boundaries/lsoa-2011-centroids.csv').toString('utf8'));
    // A few multi-part LSOAs differ in the sixth decimal (under a metre); the codes, names and
    // authorities must match exactly and every point to within 0.00001 degrees.
    const far = fetched.filter((row, i) => {
      const [a, b] = [row.split(','), (mirrored[i] ?? '').split(',')];
      return (
        a.slice(0, 3).join() !== b.slice(0, 3).join() ||
        Math.abs(Number(a[3]) - Number(b[3])) > 1e-5 ||
        Math.abs(Number(a[4]) - Number(b[4])) > 1e-5
      );
    });
    expect(far).toEqual([]);
  });

  it('refuses a file whose checksum differs, leaving the one there untouched', async () => {
    const before = readFileSync(cniPath());
    served.set('/changed/cni.csv', Buffer.from('ward17_code,changed\n'));
    const [outcome] = await fetchOpenData({
      dest,
      from,
      register: cniOnly({
        url: 'https://publisher.example/changed/cni.csv',
        sha256: 'f'.repeat(64),
      }),
      progress: () => {},
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(
      /^cni2019: .*changed\/cni\.csv: checksum mismatch \(expected sha256:f{64}, got sha256:[0-9a-f]{64}\)/,
    );
    expect(readFileSync(cniPath())).toEqual(before);
  });

  it('refuses an HTML page sent instead of the CSV', async () => {
    const before = readFileSync(cniPath());
    const [outcome] = await fetchOpenData({
      dest,
      from,
      register: cniOnly({ url: 'https://publisher.example/html/cni.csv' }),
      progress: () => {},
    });
    expect(outcome?.message).toMatch(
      /html\/cni\.csv: the server sent a web page instead of the data file/,
    );
    expect(existsSync(join(dest, '.downloads/publisher.example/html/cni.csv.part'))).toBe(false);
    expect(readFileSync(cniPath())).toEqual(before);
  });

  it('resumes a download whose connection dropped half-way', async () => {
    const [outcome] = await fetchOpenData({
      dest,
      from,
      register: cniOnly({ url: 'https://publisher.example/drop/cni.csv' }),
      progress: () => {},
    });
    expect(outcome?.status).toBe('fetched');
    const ranges = requests.filter((r) => r.path === '/drop/cni.csv').map((r) => r.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBeUndefined();
    expect(Number(/^bytes=(\d+)-$/.exec(ranges[1] ?? '')?.[1])).toBeGreaterThan(0);
    expect(readFileSync(cniPath())).toEqual(mirrorFile('cni2019/cni2019_england_ward17.csv'));
  });

  it('says a moved file was not found, leaving the one there untouched', async () => {
    const before = readFileSync(cniPath());
    const [outcome] = await fetchOpenData({
      dest,
      from,
      register: cniOnly({ url: 'https://publisher.example/moved/cni.csv' }),
      progress: () => {},
    });
    expect(outcome?.message).toMatch(
      /moved\/cni\.csv: not found \(HTTP 404\): the publisher has moved or removed the file/,
    );
    expect(readFileSync(cniPath())).toEqual(before);
  });

  describe.each(testEngines())('load-authority from the fetched folder on $name', (engine) => {
    it('gives Dacorum the same areas, links and values as the mirror does', async () => {
      const snapshot = async (root: string) => {
        const db = await engine.open();
        try {
          await migrateToLatest(db.db);
          const mirror = new Mirror(root);
          const report = await loadAuthority(
            db.db,
            mirror,
            readNationalData(mirror, () => {}),
            DACORUM,
            () => {},
          );
          return {
            notes: report.notes,
            areas: await db.db
              .selectFrom('area')
              .select(['code', 'name', 'level'])
              .orderBy('code')
              .execute(),
            links: await db.db
              .selectFrom('area_link')
              .selectAll()
              .orderBy('from_code')
              .orderBy('to_code')
              .execute(),
            values: await db.db
              .selectFrom('indicator_value')
              .select(['indicator_id', 'area_code', 'period', 'value'])
              .orderBy('indicator_id')
              .orderBy('area_code')
              .execute(),
          };
        } finally {
          await db.close();
        }
      };
      const fromMirror = await snapshot(MIRROR);
      const fromFetched = await snapshot(dest);
      expect(fromMirror.values.length).toBeGreaterThan(1000);
      // The links join two vintages, and the note says which.
      expect(fromMirror.notes.join('\n')).toMatch(
        /LSOA→ward links join LSOA 2011 LSOAs \(the areas of IoD2019\) to Wards December 2013 \(2013 local authorities\)\. LSOAs are assigned/,
      );
      expect(fromFetched).toEqual(fromMirror);
    }, 180_000);
  });
});

// Which release a file is, from its header: each reader reads one release (IoD2019 on LSOA 2011,
// CNI 2019 on 2017 wards) and refuses another's file (IoD2025 on LSOA 2021, say) with one line
// naming both, rather than failing on the first renamed column or, worse, reading it.
import { CsvFormatError } from './csv-format-error.ts';
import type { CsvTable } from './csv.ts';

/** Another release a reader knows by a header only its files have. */
export interface OtherRelease {
  /** e.g. "IoD2025 on LSOA 2021". */
  readonly name: string;
  readonly header: string;
}

/** The release a reader reads and the headers that show a file is of it. */
export interface ExpectedRelease {
  /** e.g. "IoD2019 on LSOA 2011". */
  readonly name: string;
  /** Its geography as a header's vintage reads, e.g. "LSOA 2011" (not mistaken for another). */
  readonly geography: string;
  /** Headers every file of this release has. */
  readonly headers: readonly string[];
  /** Releases to name when their file is given instead. */
  readonly others: readonly OtherRelease[];
}

// Geography codes with their vintage in the header, as ONS and MHCLG name them (LSOA code (2021),
// lsoa21_code, LSOA21CD, ward17_code, WD23CD, Local Authority District code (2024)).
const VINTAGE_HEADERS: readonly [RegExp, (year: string) => string][] = [
  [/^lsoa code \((\d{4})\)$/, (y) => `LSOA ${y}`],
  [/^lsoa(\d{2})_?(code|cd)$/, (y) => `LSOA 20${y}`],
  [/^(?:ward|wd)(\d{2})_?(code|cd)$/, (y) => `wards 20${y}`],
  [/^local authority district code \((\d{4})\)$/, (y) => `${y} authorities`],
  [/^(?:lad|la)(\d{2})_?(code|cd)$/, (y) => `20${y} authorities`],
];

/** A named other release or the vintage a header shows, e.g. `IoD2025 on LSOA 2021 (column "LSOA code (2021)")`. */
function recognise(header: readonly string[], release: ExpectedRelease): string | null {
  const has = (name: string) => header.find((h) => h.toLowerCase() === name.toLowerCase());
  for (const other of release.others) {
    const found = has(other.header);
    if (found !== undefined) return `${other.name} (column "${found}")`;
  }
  const expected = new Set(release.headers.map((h) => h.toLowerCase()));
  for (const name of header) {
    if (expected.has(name.toLowerCase())) continue;
    for (const [pattern, vintage] of VINTAGE_HEADERS) {
      const match = pattern.exec(name.toLowerCase());
      const found = match?.[1] ? vintage(match[1]) : null;
      if (found !== null && found.toLowerCase() !== release.geography.toLowerCase())
        return `${found} (column "${name}")`;
    }
  }
  return null;
}

/**
 * Checks that a file is of the release the reader reads. When one of its headers is missing
 * and the file shows another release or vintage instead, refuses it naming both; when the file
 * shows nothing recognisable, leaves the missing column to `requireColumns` to report.
 * @throws CsvFormatError `another release's file: expected IoD2019 on LSOA 2011 (column "LSOA code (2011)"), found IoD2025 on LSOA 2021 (column "LSOA code (2021)")`.
 */
export function requireRelease(table: CsvTable, release: ExpectedRelease): void {
  const names = new Set(table.header.map((h) => h.toLowerCase()));
  const missing = release.headers.find((h) => !names.has(h.toLowerCase()));
  if (missing === undefined) return;
  const found = recognise(table.header, release);
  if (found === null) return;
  throw new CsvFormatError({
    source: table.source,
    line: 1,
    column: null,
    reason: `another release's file: expected ${release.name} (column "${missing}"), found ${found}`,
  });
}

/** IoD2019's LSOA files as MHCLG publishes them (File 2, File 6, File 7). */
export const IOD2019_PUBLISHED: ExpectedRelease = {
  name: 'IoD2019 on LSOA 2011',
  geography: 'LSOA 2011',
  headers: ['LSOA code (2011)', 'Local Authority District code (2019)'],
  others: [
    { name: 'IoD2025 on LSOA 2021', header: 'LSOA code (2021)' },
    { name: 'IoD2015 on LSOA 2011', header: 'Local Authority District code (2013)' },
  ],
};

/** IoD2019's underlying indicators as the data folder holds them (File 8, columns renamed). */
export const IOD2019_INDICATORS: ExpectedRelease = {
  name: 'IoD2019 on LSOA 2011',
  geography: 'LSOA 2011',
  headers: ['lsoa11_code'],
  others: [{ name: 'IoD2025 on LSOA 2021', header: 'LSOA code (2021)' }],
};

/** The Community Needs Index 2019, on 2017 wards. */
export const CNI2019: ExpectedRelease = {
  name: 'CNI 2019 on wards 2017',
  geography: 'wards 2017',
  headers: ['ward17_code', 'lad19_code'],
  others: [],
};

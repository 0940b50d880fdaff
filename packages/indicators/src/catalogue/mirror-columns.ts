// Where the catalogue's numbers sit in the data mirror (see data/README.md): the files, the
// column naming each row's area, and the columns the importers are told to read, spelt exactly
// as the files spell them (catalogue.test.ts checks every one against the real headers). File 2's
// rank and decile headers and File 8's columns are the readers' own lists (readers/iod-domains.ts,
// readers/iod-indicators.ts), so they are named once.

/** One file of the data mirror: its path inside the mirror and the column holding each row's area code. */
export interface MirrorFile {
  readonly path: string;
  readonly areaCodeColumn: string;
}

/** The mirror files the catalogue reads: IoD2019 Files 2 and 6, File 8 (underlying indicators) and the CNI wards. */
export const mirrorFiles = {
  iodDomains: {
    path: 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv',
    areaCodeColumn: 'LSOA code (2011)',
  },
  iodPopulation: {
    path: 'imd2019/File_6_IoD2019_Population_Denominators.csv',
    areaCodeColumn: 'LSOA code (2011)',
  },
  iodIndicators: {
    path: 'imd2019/imd2019_england_lsoa11_indicators.csv',
    areaCodeColumn: 'lsoa11_code',
  },
  cniWards: { path: 'cni2019/cni2019_england_ward17.csv', areaCodeColumn: 'ward17_code' },
} as const satisfies Readonly<Record<string, MirrorFile>>;

/** File 6's mid-2015 populations (prisoners excluded) that the catalogue divides by; `total` and `workingAge` are the summary measures' bases (imd/domains.ts). */
export const iodPopulationColumns = {
  total: 'Total population: mid 2015 (excluding prisoners)',
  children0to15: 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
  aged60AndOver: 'Older population aged 60 and over: mid 2015 (excluding prisoners)',
  workingAge:
    'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
} as const satisfies Readonly<Record<string, string>>;

/** A File 6 population by name. @see iodPopulationColumns */
export type IodPopulation = keyof typeof iodPopulationColumns;

/** The CNI file's column for a measure's score or rank, e.g. "Civic Assets score". */
export function cniColumn(stem: string, kind: 'score' | 'rank'): string {
  return `${stem} ${kind}`;
}

// Who publishes the open data Thrive reads, and how each asks to be credited: the only copy of
// this wording. The catalogue cites it for every indicator, and the API joins it to the dataset
// register (each dataset in data/sources.json names its publication), so a figure and the file
// it comes from are never credited in two different words. Kept here, not in the register,
// because the web bundle imports the catalogue and must not carry the register's checksums.

/** A publication: its name, publisher, home page, licence and the attribution it asks for. */
export interface Publication {
  readonly name: string;
  readonly publisher: string;
  readonly url: string;
  readonly licence: string;
  /** The attribution to print wherever its data is shown. */
  readonly attribution: string;
}

/** Every publication the register's datasets and the catalogue's indicators come from, by id. */
export const publications = {
  'ons-geography': {
    name: 'ONS Open Geography boundaries',
    publisher: 'Office for National Statistics',
    url: 'https://geoportal.statistics.gov.uk/',
    licence: 'Open Government Licence v3.0',
    attribution:
      'Contains OS data © Crown copyright and database right; contains National Statistics data © Crown copyright and database right.',
  },
  iod2019: {
    name: 'English Indices of Deprivation 2019',
    publisher: 'Ministry of Housing, Communities and Local Government',
    url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
    licence: 'Open Government Licence v3.0',
    attribution:
      'Contains MHCLG English Indices of Deprivation 2019 data © Crown copyright and database right. Open Government Licence v3.0.',
  },
  cni2019: {
    name: 'Community Needs Index 2019',
    publisher: 'OCSI for Local Trust',
    // The report that introduced the index, with its method.
    url: 'https://localtrust.org.uk/insights/research/left-behind-understanding-communities-on-the-edge/',
    // As the data mirror's README records for all its files; check the publisher's terms before
    // redistributing.
    licence: 'Open Government Licence v3.0 (as recorded in the data mirror)',
    attribution: 'Community Needs Index 2019 © OCSI for Local Trust.',
  },
} as const satisfies Readonly<Record<string, Publication>>;

/** The id of a publication in the table. @see publications */
export type PublicationId = keyof typeof publications;

/** True when the id names a publication in the table (the register's JSON is checked with it). */
export function isPublicationId(id: string): id is PublicationId {
  return Object.hasOwn(publications, id);
}

/** The attribution printed under every rug and profile: the boundaries the areas are drawn from, then IoD2019. */
export const openDataAttribution = `${publications['ons-geography'].attribution} ${publications.iod2019.attribution}`;

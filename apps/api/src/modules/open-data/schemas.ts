import { Type, type Static } from 'typebox';

/** A dataset behind a response's numbers, with its vintage, from data/sources.json. */
export const DatasetVintageBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  release: Type.String({ description: 'e.g. IoD2019, Wards December 2013' }),
  geography: Type.String({ description: 'The areas its numbers are for, e.g. LSOA 2011' }),
  label: Type.String({ description: 'Release and geography as shown, e.g. IoD2019 (LSOA 2011)' }),
});
export type DatasetVintageBody = Static<typeof DatasetVintageBody>;

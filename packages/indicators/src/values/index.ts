// Indicator values for small areas and groups of them, from the mirror's records.
export { cniWardValues, groupValues, smallAreaValues, type AreaValue, type SmallAreaRecords } from './area-values.ts';

// Names for the parts of the rug the API sends, so components and helpers share one vocabulary.
import type { RugBody } from '#lib/api.ts';

export type RugColumn = RugBody['columns'][number];
export type RugRow = RugBody['rows'][number];
export type RugCell = RugRow['cells'][number];
export type RugLegendBody = RugBody['legend'];

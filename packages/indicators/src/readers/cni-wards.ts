// The Community Needs Index 2019 (OCSI for Local Trust) for English wards, 2017 codes.
import {
  booleanCell,
  integerCell,
  numberCell,
  readCsvRows,
  requireColumns,
  textCell,
} from './csv.ts';
import { CNI2019, requireRelease } from './release.ts';

/** A CNI domain's score (higher = greater need) and its rank among the 7,433 wards (1 = greatest need). */
export interface CniScore {
  readonly score: number;
  readonly rank: number;
}

/** One ward of the CNI 2019 file. */
export interface CniWardRecord {
  readonly wardCode: string;
  readonly wardName: string;
  readonly ladCode: string;
  readonly ladName: string;
  readonly civicAssets: CniScore;
  readonly connectedness: CniScore;
  readonly engagedCommunity: CniScore;
  readonly communityNeedsIndex: CniScore;
  /** Local Trust's "left behind area" flag. */
  readonly leftBehind: boolean;
}

/**
 * Reads the CNI 2019 ward CSV (columns found by name).
 * @throws CsvFormatError naming the line and column of a missing column or a bad value.
 * @see https://ocsi.uk/2019/10/21/community-needs-index/ (OCSI / Local Trust, Community Needs Index 2019)
 */
export function readCniWards(text: string, source = 'cni2019_england_ward17.csv'): CniWardRecord[] {
  return readCsvRows(text, source, (table) => {
    requireRelease(table, CNI2019);
    const c = requireColumns(table, {
      wardCode: 'ward17_code',
      wardName: 'ward17_name',
      ladCode: 'lad19_code',
      ladName: 'lad19_name',
      civicAssetsScore: 'Civic Assets score',
      civicAssetsRank: 'Civic Assets rank',
      connectednessScore: 'Connectedness score',
      connectednessRank: 'Connectedness rank',
      engagedCommunityScore: 'Engaged community score',
      engagedCommunityRank: 'Engaged community rank',
      cniScore: 'Community Needs Index score',
      cniRank: 'Community Needs Index rank',
      leftBehind: 'Left Behind Area?',
    });
    return (row) => ({
      wardCode: textCell(table, row, c.wardCode),
      wardName: textCell(table, row, c.wardName),
      ladCode: textCell(table, row, c.ladCode),
      ladName: textCell(table, row, c.ladName),
      civicAssets: {
        score: numberCell(table, row, c.civicAssetsScore),
        rank: integerCell(table, row, c.civicAssetsRank, 1),
      },
      connectedness: {
        score: numberCell(table, row, c.connectednessScore),
        rank: integerCell(table, row, c.connectednessRank, 1),
      },
      engagedCommunity: {
        score: numberCell(table, row, c.engagedCommunityScore),
        rank: integerCell(table, row, c.engagedCommunityRank, 1),
      },
      communityNeedsIndex: {
        score: numberCell(table, row, c.cniScore),
        rank: integerCell(table, row, c.cniRank, 1),
      },
      leftBehind: booleanCell(table, row, c.leftBehind),
    });
  });
}

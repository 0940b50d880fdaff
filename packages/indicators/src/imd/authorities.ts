// IoD2019 summary measures for every local authority district, as MHCLG's File 10 publishes them.
import { summariseFrameGroups, type GroupSummary } from './group-summaries.ts';
import type { LsoaFrame } from './lsoa-frame.ts';
import { IOD2019_LSOA_COUNT } from './ranks.ts';

/** One local authority district's summaries, with its 2019 code (the group key) and name. */
export interface AuthoritySummary extends GroupSummary {
  readonly ladName: string;
}

/**
 * Summary measures of every local authority district (2019 codes) in the frame, sorted by code:
 * for the IMD and each domain, average rank, proportion of LSOAs in the most deprived 10%,
 * extent and local concentration.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 10: local authority district summaries)
 */
export function summariseAuthorities(
  frame: LsoaFrame,
  lsoaCount: number = IOD2019_LSOA_COUNT,
): AuthoritySummary[] {
  // An authority's name is the one its first LSOA gives.
  return summariseFrameGroups(frame, (i) => frame.ladCodes[i], lsoaCount).map(
    ({ summary, firstLsoa }) => ({
      ...summary,
      ladName: frame.ladNames[firstLsoa] ?? summary.key,
    }),
  );
}

// IoD2019 summary measures for larger areas: average rank, proportion, extent, local concentration.
export {
  IOD_DOMAINS,
  IOD_DOMAIN_LABELS,
  POPULATION_BASIS,
  byDomain,
  type IodDomain,
  type PopulationBasis,
} from './domains.ts';
export {
  IOD2019_LSOA_COUNT,
  mostDeprivedDecileMaxRank,
  nationalPercentile,
  summaryRank,
} from './ranks.ts';
export { extentWeight } from './extent.ts';
export {
  summariseGroups,
  summariseLsoaGroup,
  type GroupedLsoas,
  type IodSummary,
  type RankedLsoa,
} from './summary.ts';
export { buildLsoaFrame, LsoaJoinError, type LsoaFrame } from './lsoa-frame.ts';
export { summariseFrameByGroup, type GroupSummary } from './group-summaries.ts';
export { summariseAuthorities, type AuthoritySummary } from './authorities.ts';

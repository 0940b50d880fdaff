// National ranks of the 32,844 LSOAs in England and the cut-offs the IoD2019 summaries use.

/** Number of LSOAs (2011) ranked by IoD2019; rank 1 is the most deprived. @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Technical Report, ch. 1) */
export const IOD2019_LSOA_COUNT = 32_844;

/**
 * The largest rank in the most deprived 10% nationally: floor(N / 10) = 3,284. File 2 puts
 * exactly the ranks 1–3,284 in decile 1 for the IMD and every domain.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2 deciles)
 */
export function mostDeprivedDecileMaxRank(lsoaCount: number): number {
  return Math.floor(lsoaCount / 10);
}

/**
 * The rank as the IoD2019 larger-area summaries use it: "LSOAs are ranked such that the most
 * deprived LSOA is given the rank of 32,844", i.e. N + 1 − rank, so higher = more deprived.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 10 notes; IoD2019 Research Report, Appendix A)
 */
export function summaryRank(rank: number, lsoaCount: number): number {
  return lsoaCount + 1 - rank;
}

/**
 * The national percentile of a rank, 1 = the most deprived 1%: ceil(rank / N × 100).
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A, "extent")
 */
export function nationalPercentile(rank: number, lsoaCount: number): number {
  // rank × 100 is exact, so one correctly rounded division: an exact boundary stays an integer
  // (rank / N × 100 would give 7.000000000000001 for rank 7 of 100, and ceil would say 8).
  return Math.ceil((rank * 100) / lsoaCount);
}

// The weight each national percentile gets in the "extent" summary measure.

/**
 * Extent weight of a national percentile: 1 for the most deprived 10%; 0.95 at the 11th
 * percentile, falling by 0.9/19 a percentile to 0.05 at the 30th; 0 beyond.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Technical Report, Appendix N; Research Report, Appendix A)
 */
export function extentWeight(percentile: number): number {
  if (percentile <= 10) return 1;
  // 0.95 − 0.9·k/19 = (361 − 18k)/380 for k = percentile − 11: integers and one division, so
  // the 30th percentile weighs exactly what the literal 0.05 is, not 0.05 ± 1 ulp.
  if (percentile <= 30) return (361 - 18 * (percentile - 11)) / 380;
  return 0;
}

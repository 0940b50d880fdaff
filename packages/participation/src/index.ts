/** @thrive/participation: pure domain code for residents' participation (no I/O). */
export * from './lists.ts';
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom, normaliseJoinCode } from './join-code.ts';
export { matchTheme, themeKey } from './themes.ts';
export { MASK_KINDS, MASK_NOTES, maskForPublication, type MaskKind, type MaskResult } from './masking.ts';
export { isSmallCount, SUPPRESSION_NOTE, suppressGroup, suppressNested, suppressSmall, type SuppressedCount } from './suppression.ts';
export * from './kpi-lists.ts';
export * from './inspection-lists.ts';
export { KPI_TEMPLATES, type KpiTemplate, type KpiTemplateId, type KpiTemplateSource } from './kpi-templates.ts';
export { ENGAGEMENT_PERIOD_PATTERN, parseEngagementPeriod, type EngagementPeriod } from './engagement-period.ts';

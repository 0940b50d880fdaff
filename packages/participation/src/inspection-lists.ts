// The domain lists of residents' block inspections (issue 14): the one home of each enum.
// Database checks (frozen in migration 0008), TypeBox schemas, the maths in @thrive/indicators
// and the web's choices are built from these.

/** How an item is scored: meets / does not meet (1 / 0), or 1–5 with a threshold that meets. */
export const INSPECTION_SCALES = ['meets', '1-5'] as const;
export type InspectionScale = (typeof INSPECTION_SCALES)[number];

/** Where a block's item stands against the target in one period. */
export const INSPECTION_STATUSES = ['meets_target', 'below_target', 'too_few_inspections'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** The fewest inspections behind a share before it is judged against the target or published. */
export const INSPECTION_MINIMUM_N = 5;

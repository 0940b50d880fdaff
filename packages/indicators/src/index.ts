// @thrive/indicators: pure domain code (no I/O) for indicators, their statistics, comparisons,
// aggregation, the rug model and the shared palette.

export * from './catalogue/indicator-definition.ts';
export * from './catalogue/catalogue.ts';
export * from './catalogue/iod-domain-measures.ts';
export * from './catalogue/publications.ts';

export * from './stats/interval.ts';
export * from './stats/normal.ts';
export * from './stats/gamma.ts';
export * from './stats/student-t.ts';
export * from './stats/wilson.ts';
export * from './stats/newcombe.ts';
export * from './stats/poisson-exact.ts';
export * from './stats/byar.ts';
export * from './stats/mean.ts';
export * from './stats/compare.ts';
export * from './stats/quintiles.ts';
export * from './spread/spread.ts';

export * from './aggregate/coverage.ts';
export * from './aggregate/sum-counts.ts';
export * from './aggregate/weighted-mean.ts';
export * from './aggregate/aggregate-indicator.ts';
export * from './aggregate/estate-values.ts';

export * from './palette/contrast.ts';
export * from './palette/colour-vision.ts';
export * from './palette/palette.ts';
export * from './palette/imd-deciles.ts';

export * from './rug/rug-model.ts';
export * from './rug/format-value.ts';
export * from './rug/rug-legend.ts';
export * from './rug/build-rug.ts';
export * from './rug/row-order.ts';
export * from './rug/kpi-cells.ts';

export * from './imd/index.ts';
export * from './readers/index.ts';
export * from './values/index.ts';
export * from './rug/default-columns.ts';
export * from './kpi/index.ts';
export * from './engagement/index.ts';

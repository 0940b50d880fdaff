// Engagement KPIs: the maths behind them (issue 13).
export * from './median.ts';
export * from './representation.ts';
export * from './engagement-figures.ts';

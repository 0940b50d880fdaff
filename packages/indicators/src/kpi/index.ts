// Community-defined KPIs: the measures behind them (docs/methods.md §6–7).
export * from './survey-answers.ts';
export * from './pin-metrics.ts';
export * from './status.ts';
export * from './period-measure.ts';
export * from './inspections.ts';

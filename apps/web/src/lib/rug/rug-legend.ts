// The legend's per-column method texts, grouped: the standard rug has 28 columns but only a few
// distinct methods, and a reader needs each method once with the columns it applies to.
import type { RugColumn, RugLegendBody } from './types.ts';

export interface MethodGroup {
  text: string;
  /** Short labels of the columns compared this way, in column order. */
  columns: string[];
}

/** Legend texts in first-use order, each with the columns that use it. */
export function methodGroups(legend: RugLegendBody, columns: readonly RugColumn[]): MethodGroup[] {
  const labels = new Map(columns.map((c) => [c.id, c.shortLabel]));
  const groups = new Map<string, MethodGroup>();
  for (const entry of legend.columns) {
    const label = labels.get(entry.indicatorId) ?? entry.indicatorId;
    const group = groups.get(entry.text);
    if (group) group.columns.push(label);
    else groups.set(entry.text, { text: entry.text, columns: [label] });
  }
  return [...groups.values()];
}

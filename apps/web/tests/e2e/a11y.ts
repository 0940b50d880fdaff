// Shared accessibility check for the browser tests: axe-core against WCAG 2.0–2.2 A and AA.
// Serious and critical findings fail the test with what and where; moderate and minor ones are
// left to review (axe also reports "incomplete" items, e.g. contrast over a hatch pattern, that
// need a person to judge).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeScope {
  /** CSS selector of the part to check (default: the whole page). */
  include?: string;
  /** Parts axe cannot judge, e.g. a WebGL map canvas; say why at the call site. */
  exclude?: string[];
}

/** Fails when axe finds a serious or critical WCAG A/AA violation on the page as it is now. */
export async function expectNoSeriousViolations(page: Page, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_AA);
  if (scope.include) builder = builder.include(scope.include);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('; ')}`,
    );
  expect(serious).toEqual([]);
}

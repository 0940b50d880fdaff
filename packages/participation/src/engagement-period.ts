// The periods engagement is counted over, as officers and boards name them: a year ("2026"), a
// quarter ("2026-Q3") or a month ("2026-07"). Dacorum counts engagement monthly and quarterly;
// boards read by year. Each becomes a half-open span of days [from, to).

/** A named period and its span: from the first day to the day after the last (ISO dates). */
export interface EngagementPeriod {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** The pattern a period must match (for schemas). */
export const ENGAGEMENT_PERIOD_PATTERN = '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';

const iso = (year: number, month: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/** The span of "2026", "2026-Q3" or "2026-07"; a RangeError naming the forms otherwise. */
export function parseEngagementPeriod(text: string): EngagementPeriod {
  const label = text.trim();
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(label);
  if (!match) {
    throw new RangeError(
      `"${label}" is not a period: use a year (2026), a quarter (2026-Q3) or a month (2026-07)`,
    );
  }
  const year = Number(match[1]);
  if (match[2]) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return {
      label,
      from: iso(year, first),
      to: first === 10 ? iso(year + 1, 1) : iso(year, first + 3),
    };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return {
      label,
      from: iso(year, month),
      to: month === 12 ? iso(year + 1, 1) : iso(year, month + 1),
    };
  }
  return { label, from: iso(year, 1), to: iso(year + 1, 1) };
}

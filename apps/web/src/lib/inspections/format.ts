// How inspection results read: shares as whole-number-ish percentages, intervals in words.

/** 0.85 → "85%", 0.6396 → "64.0%" (one decimal when not whole); null → "–". */
export function percent(share: number | null, decimals = 0): string {
  if (share === null) return '–';
  return `${(share * 100).toFixed(decimals)}%`;
}

/** The trend in words and a glyph (never by colour alone). */
export function trendText(trend: 'up' | 'down' | 'no_clear_change' | 'not_enough'): string {
  switch (trend) {
    case 'up':
      return '▲ better than last month';
    case 'down':
      return '▼ worse than last month';
    case 'no_clear_change':
      return '● no clear change';
    case 'not_enough':
      return 'not enough to say';
  }
}

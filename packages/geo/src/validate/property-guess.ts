/** Code properties of ONS releases we know, finest level first: the order breaks ties when a file carries several. */
export const KNOWN_CODE_PROPERTIES = [
  'LSOA21CD',
  'LSOA11CD',
  'WD23CD',
  'WD17CD',
  'WD13CD',
  'LAD19CD',
] as const;

/** ONS property names of the form <level><yy>CD, e.g. WD13CD, LSOA11CD, MSOA21CD. */
const GSS_CODE_PROPERTY = /^[A-Z]{2,5}\d{2}CD$/i;
/** ONS property names of the form <level><yy>NM (WD13NMW, the Welsh name, is deliberately not matched). */
const GSS_NAME_PROPERTY = /^[A-Z]{2,5}\d{2}NM$/i;
/** A GSS code: country letter and eight digits, e.g. E05004691. */
const GSS_CODE_VALUE = /^[EWSN]\d{8}$/;

/** Share of a property's values that must be GSS-shaped for it to count as holding GSS codes. */
const MOSTLY = 0.9;

interface PropertyStats {
  readonly key: string;
  /** Features with a non-empty string or a finite number. */
  present: number;
  /** Features whose value is GSS-code-shaped. */
  gss: number;
  readonly distinct: Set<string>;
}

/**
 * Guesses which property holds the area code. In order: an ONS-style `..CD` property with
 * GSS-shaped values; a known ONS code property whatever its values; `code` in any case; any
 * property with GSS-shaped values on at least half the features. Within a rule, a property with
 * no repeated value wins (the area's own code, not its parent's), then the one on most features,
 * then the known-name order, then the order properties appear in. Features missing the value
 * do not stop the guess: validation then reports them one by one.
 */
export function guessCodeProperty(
  rows: readonly Readonly<Record<string, unknown>>[],
): string | undefined {
  const stats = collectStats(rows).filter((s) => s.present > 0);
  const unique = (s: PropertyStats) => s.distinct.size === s.present;
  const mostlyGss = (s: PropertyStats) => s.gss / s.present >= MOSTLY;
  const rules: ((s: PropertyStats) => boolean)[] = [
    (s) => GSS_CODE_PROPERTY.test(s.key) && mostlyGss(s),
    (s) => knownRank(s.key) < KNOWN_CODE_PROPERTIES.length,
    (s) => s.key.toLowerCase() === 'code',
    (s) => mostlyGss(s) && s.present >= rows.length / 2,
  ];
  for (const rule of rules) {
    const matches = stats.filter(rule);
    matches.sort(
      (a, b) =>
        Number(unique(b)) - Number(unique(a)) ||
        b.present - a.present ||
        knownRank(a.key) - knownRank(b.key) ||
        stats.indexOf(a) - stats.indexOf(b),
    );
    const best = matches[0];
    if (best !== undefined) return best.key;
  }
  return undefined;
}

/**
 * Guesses which property holds the area name: the code property's sibling (WD13CD → WD13NM),
 * then any `..NM` property, then `name` in any case; within a rule, the one on most features.
 */
export function guessNameProperty(
  rows: readonly Readonly<Record<string, unknown>>[],
  codeProp: string | undefined,
): string | undefined {
  const stats = collectStats(rows)
    .filter((s) => s.present > 0 && s.key !== codeProp)
    .sort((a, b) => b.present - a.present);
  const sibling = codeProp?.replace(/cd$/i, (cd) =>
    cd === 'CD' ? 'NM' : cd === 'cd' ? 'nm' : 'Nm',
  );
  const rules: ((key: string) => boolean)[] = [
    (key) => sibling !== undefined && key === sibling,
    (key) => GSS_NAME_PROPERTY.test(key),
    (key) => key.toLowerCase() === 'name',
  ];
  for (const rule of rules) {
    const found = stats.find((s) => rule(s.key));
    if (found !== undefined) return found.key;
  }
  return undefined;
}

/** Reads a code or name value as text: strings trimmed, finite numbers written out, anything else undefined. */
export function propertyText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function knownRank(key: string): number {
  const rank = KNOWN_CODE_PROPERTIES.findIndex((known) => known === key.toUpperCase());
  return rank === -1 ? KNOWN_CODE_PROPERTIES.length : rank;
}

function collectStats(rows: readonly Readonly<Record<string, unknown>>[]): PropertyStats[] {
  const byKey = new Map<string, PropertyStats>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      let stats = byKey.get(key);
      if (stats === undefined) {
        stats = { key, present: 0, gss: 0, distinct: new Set() };
        byKey.set(key, stats);
      }
      const text = propertyText(value);
      if (text === undefined) continue;
      stats.present += 1;
      stats.distinct.add(text);
      if (GSS_CODE_VALUE.test(text)) stats.gss += 1;
    }
  }
  return [...byKey.values()];
}

// Contact details and profanity in residents' words are masked before anyone else sees them:
// phone numbers, email addresses, street addresses with house numbers (and full postcodes)
// become a short note in square brackets so the sentence still reads; swear words become
// asterisks. Officers still see the original text. Masking errs towards removing: a number
// wrongly masked costs a resident a few words, a number wrongly published can cost them more.
// docs/decisions/0016-profanity-and-masking.md says why these rules and this word list.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/** The kinds of thing masking removes, in the order it looks for them. */
export const MASK_KINDS = ['email', 'phone', 'address', 'profanity'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** What masking found and the text others may see. */
export interface MaskResult {
  readonly text: string;
  /** Kinds of thing masked, e.g. ["phone", "email"]; empty when nothing was. */
  readonly masked: readonly MaskKind[];
}

/** The notes that stand in for what was removed. */
export const MASK_NOTES = {
  email: '[email removed]',
  phone: '[phone number removed]',
  address: '[address removed]',
  postcode: '[postcode removed]',
} as const;

// An address as people write it: name@host.tld, and the "name (at) host (dot) com" dodge.
const EMAIL =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[\p{L}\p{N}._%+-]+\s*[([]at[)\]]\s*[\p{L}\p{N}-]+(?:\s*(?:[([]dot[)\]]|\.)\s*[\p{L}\p{N}-]+)+/giu;

// UK numbers: 07 mobiles, 01/02/03 geographic and non-geographic, written from 0 or +44/0044
// (with or without "(0)"), digits split by spaces, dashes or brackets as people do. After the
// leading 0 come 9 or 10 digits; a digit right before or after means it is some other number.
const BETWEEN = String.raw`[ \t()\-–]{0,3}`;
const NATIONAL = String.raw`(?:\(?0${BETWEEN})`;
const INTERNATIONAL = String.raw`(?:(?:\+|\b00)${BETWEEN}44${BETWEEN}(?:\(0\)${BETWEEN})?)`;
const PHONE = new RegExp(
  String.raw`(?<![\d+])(?:${INTERNATIONAL}|${NATIONAL})[1237](?:${BETWEEN}\d){8,9}(?!\d)`,
  'g',
);

// Street addresses with a house number: "12 Acacia Road", "12a Mill Lane", "10-12 Station
// Road", "Flat 3, 45 High Street", "flat 12 Nelson House". Street types that are also everyday
// words ("park", "green", "way") count only after a capitalised name, so "3 kids play park" is
// left alone; the plain ones ("road", "street") count in any case ("12 acacia road"), but never
// across little words ("3 bins on the road"), after a unit ("20 mph road") or before a word that
// makes them ordinary ("4 street lights").
const PLAIN_STREETS = 'road|rd|street|st|lane|ln|avenue|ave|boulevard';
const WORDY_STREETS =
  'close|drive|dr|crescent|cres|terrace|grove|mews|gardens|gdns|way|walk|court|ct|place|pl|square|sq|row|hill|park|rise|view|green|parade|mount|vale|gate|yard|wharf|approach|chase|croft|fields|meadows?|path|house|heights|tower|towers|lodge|estate';
const LITTLE_WORDS =
  'the|a|an|on|in|at|of|to|by|near|outside|opposite|behind|and|or|from|for|with|down|up|off|along|my|our|their|this|that|these|those|is|are|was|were';
// Words that follow a count, not a house number: "20 mph road", "5 minutes' walk".
const COUNTED =
  'mph|miles?|minutes?|mins?|metres?|meters?|yards?|feet|foot|years?|months?|weeks?|days?|hours?|times|people|kids|children|cars|houses|homes|flats|bins|more|big|small|busy|quiet|different';
const ORDINARY_AFTER =
  'lights?|lamps?|signs?|names?|markings?|works|safety|crossings?|surfaces?|parking|furniture|cleaning|sweepers?|sweeping|level|party|parties|food|art|view|corner';
const HOUSE_NUMBER = String.raw`(?!(?:19|20)\d\d\b)[1-9]\d{0,3}[a-zA-Z]?(?:\s?[-–]\s?[1-9]\d{0,3}[a-zA-Z]?)?`;
const DWELLING = String.raw`(?i:flat|apartment|apt|maisonette)\s*[1-9]\d{0,3}[a-zA-Z]?\b`;
const NAME_WORD = String.raw`(?!(?i:${LITTLE_WORDS}|${COUNTED})\b)[\p{L}'’.-]+`;
const CAPITAL_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NOT_ORDINARY = String.raw`\b(?!\s+(?i:${ORDINARY_AFTER})\b)`;
const PLAIN_STREET = String.raw`(?:${NAME_WORD}\s+){1,3}(?i:${PLAIN_STREETS})${NOT_ORDINARY}`;
const NAMED_PLACE = String.raw`(?:${CAPITAL_WORD}\s+){1,3}(?i:${WORDY_STREETS})${NOT_ORDINARY}`;
const STREET = `(?:${PLAIN_STREET}|${NAMED_PLACE})`;
// Not case-insensitive as a whole: a capital letter is what makes "Park" a name.
const ADDRESS = new RegExp(
  String.raw`\b(?:${DWELLING}(?:,?\s*${HOUSE_NUMBER}\s+${STREET}|,?\s+${NAMED_PLACE})?|${HOUSE_NUMBER}\s+${STREET})`,
  'gu',
);

// A full postcode points at a handful of homes; the district alone ("HP1") says only the area.
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b/giu;

// The maintained English list with its recommended transformers (leetspeak, repeated letters,
// look-alike characters), plus real names it would otherwise starve: UK places and surnames
// residents will write ("Penistone Road", "Dickinson Close"). Add to this list, not around it.
const PLACES_AND_WORDS_NOT_PROFANE = [
  'penistone',
  'penisarwaun',
  'shitterton',
  'shitlington',
  'bitchfield',
  'cockshutt',
  'twatt',
  'fagley',
  'cumnor',
  'cummings',
  'dickinson',
  'dicker',
  'rapeseed',
  'cumin',
  'scunthorpe',
];
const built = englishDataset.build();
const profanity = new RegExpMatcher({
  ...built,
  whitelistedTerms: [...(built.whitelistedTerms ?? []), ...PLACES_AND_WORDS_NOT_PROFANE],
  ...englishRecommendedTransformers,
});
const LETTER = /[\p{L}\p{N}]/u;

/** Masks phone numbers, emails, street addresses with house numbers and profanity. */
export function maskForPublication(text: string): MaskResult {
  const found = new Set<MaskKind>();
  const replace = (input: string, pattern: RegExp, kind: MaskKind, note: string) =>
    input.replace(pattern, () => {
      found.add(kind);
      return note;
    });
  let out = replace(text, EMAIL, 'email', MASK_NOTES.email);
  out = replace(out, PHONE, 'phone', MASK_NOTES.phone);
  out = replace(out, ADDRESS, 'address', MASK_NOTES.address);
  out = replace(out, POSTCODE, 'address', MASK_NOTES.postcode);
  out = maskProfanity(out, () => found.add('profanity'));
  return { text: out, masked: MASK_KINDS.filter((kind) => found.has(kind)) };
}

/** Stars out each matched swear word, widened to the whole word ("****ing" reads as "*******"). */
function maskProfanity(text: string, onFound: () => void): string {
  const matches = profanity.getAllMatches(text);
  if (matches.length === 0) return text;
  onFound();
  // Obscenity's indices count UTF-16 code units, as string indices do.
  const chars = text.split('');
  for (const match of matches) {
    let start = match.startIndex;
    let end = match.endIndex; // inclusive
    while (start > 0 && LETTER.test(chars[start - 1] ?? '')) start--;
    while (end < chars.length - 1 && LETTER.test(chars[end + 1] ?? '')) end++;
    for (let i = start; i <= end; i++) chars[i] = '*';
  }
  return chars.join('');
}

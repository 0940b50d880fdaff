// The CSV tokenizer (RFC 4180: quoted commas, doubled quotes, newlines in quotes, CRLF or LF,
// BOM, blank lines skipped): see docs/decisions/0023-our-own-csv-tokenizer.md for why it is our
// own. It steps through the records and knows where each field of the current one is in the
// text, so a reader can parse a number straight from the text and make strings only of the
// cells it keeps.
import { CsvFormatError } from './csv-format-error.ts';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const ZERO = 48;
const NINE = 57;

// Fifteen digits stay below 2^53, so their value added up digit by digit is exact and equals
// Number(text); longer numbers are left to parseNumberText.
const MAX_EXACT_DIGITS = 15;

/**
 * The records of a CSV text, one at a time: `next()` moves to the following record, whose
 * fields are then read by position.
 */
export class CsvCursor {
  /** The 1-based line the current record ends on (a quoted field may span lines). */
  line = 0;
  /** How many fields the current record has. */
  count = 0;
  private readonly text: string;
  private readonly source: string;
  /** Where the next record starts. */
  private pos: number;
  // Field k is text[starts[k], ends[k]): without its quotes when quoted, and with its doubled
  // quotes still doubled when escaped[k] is 1. Grown as a wider record needs.
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private escaped = new Uint8Array(16);
  // A record without a quote is text[lineStart, lineEnd) split on its commas: cells() splits it
  // in one native call, cheaper than a string per field made one at a time.
  private quoted = false;
  private lineStart = 0;
  private lineEnd = 0;

  constructor(text: string, source: string) {
    this.text = text;
    this.source = source;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /**
   * Moves to the next record, skipping empty lines; false when there is none left. A line
   * without a quote, nearly every line of the national files, is split on its commas in the
   * one pass that finds its end; a line with one goes through the quote-aware scanner.
   * @throws CsvFormatError for an unclosed quote, a quote inside an unquoted field or text after a closing quote.
   */
  next(): boolean {
    const text = this.text;
    const length = text.length;
    while (this.pos < length) {
      const start = this.pos;
      this.line += 1;
      this.count = 0;
      let fieldStart = start;
      let i = start;
      for (; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          this.push(fieldStart, i, false);
          fieldStart = i + 1;
        } else if (c === LF || c === QUOTE) break;
      }
      if (i < length && text.charCodeAt(i) === QUOTE) {
        this.count = 0;
        this.quotedRecord(start);
        return true;
      }
      // i is the line's LF or the end of the text; a CR just before either is not content.
      const end = i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i;
      this.pos = i + 1;
      if (end === start) continue;
      this.push(fieldStart, end, false);
      this.quoted = false;
      this.lineStart = start;
      this.lineEnd = end;
      return true;
    }
    return false;
  }

  /** The text of field `k`, as a cell: quotes removed, doubled quotes read as one. */
  field(k: number): string {
    const raw = this.text.slice(this.starts[k], this.ends[k]);
    return this.escaped[k] === 1 ? raw.replaceAll('""', '"') : raw;
  }

  /** Whether field `k` reads exactly as `text`, found without making a string of the field. */
  holds(k: number, text: string): boolean {
    const start = this.starts[k] ?? 0;
    return (
      this.escaped[k] === 0 &&
      (this.ends[k] ?? 0) - start === text.length &&
      this.text.startsWith(text, start)
    );
  }

  /**
   * The whole number in field `k` when it is written as 1–15 digits, bare or grouped in
   * thousands ("1,296"), and nothing else (no sign, point or space); NaN for anything else, for
   * parseNumberText to read or reject. Where not NaN, equal to parseNumberText(field(k)).
   */
  digits(k: number): number {
    const text = this.text;
    const end = this.ends[k] ?? 0;
    let value = 0;
    let count = 0;
    // Digits before the first comma, then since the last one (−1 until there is one): the
    // first group has one to three, every later group exactly three.
    let first = 0;
    let group = -1;
    for (let i = this.starts[k] ?? 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= ZERO && c <= NINE) {
        value = value * 10 + (c - ZERO);
        count += 1;
        if (group === -1) first += 1;
        else group += 1;
      } else if (c === COMMA && (group === -1 ? first >= 1 && first <= 3 : group === 3)) {
        group = 0;
      } else {
        return Number.NaN;
      }
    }
    if (count === 0 || count > MAX_EXACT_DIGITS || (group !== -1 && group !== 3)) return Number.NaN;
    return value;
  }

  /** Every field of the current record as a cell string, in order. */
  cells(): string[] {
    if (!this.quoted) return this.text.slice(this.lineStart, this.lineEnd).split(',');
    const cells = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) cells[k] = this.field(k);
    return cells;
  }

  private push(start: number, end: number, escaped: boolean): void {
    const k = this.count;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.escaped[k] = escaped ? 1 : 0;
    this.count = k + 1;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /** Reads a record that has a quote in it, starting at `start`, and moves past it. */
  private quotedRecord(start: number): void {
    const text = this.text;
    const length = text.length;
    let line = this.line;
    this.quoted = true;
    let i = start;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        // A quoted field: up to the quote not doubled; may hold commas, quotes and newlines.
        const fieldStart = i + 1;
        let escaped = false;
        i = fieldStart;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) {
            throw this.malformed(
              line + newlinesIn(text, i, length),
              'a quoted field is never closed (truncated file?)',
            );
          }
          line += newlinesIn(text, i, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            i = close + 2;
          } else {
            this.push(fieldStart, close, escaped);
            i = close + 1;
            break;
          }
        }
        const after = text.charCodeAt(i);
        const endsLine = after === LF || (after === CR && text.charCodeAt(i + 1) === LF);
        if (i < length && after !== COMMA && !endsLine) {
          throw this.malformed(
            line,
            'a quoted field is followed by more text before the next comma (a stray quote?)',
          );
        }
      } else {
        // An unquoted field: up to the next comma or end of line, with no quote in it.
        const fieldStart = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
          if (c === QUOTE) {
            throw this.malformed(
              line,
              'a quote inside an unquoted field (quote the whole field and double the quote)',
            );
          }
          i += 1;
        }
        this.push(fieldStart, i, false);
      }
      this.line = line;
      if (i >= length) {
        this.pos = length;
        return;
      }
      const c = text.charCodeAt(i);
      if (c !== COMMA) {
        // End of line: LF, or CR LF.
        this.pos = i + (c === CR ? 2 : 1);
        return;
      }
      i += 1;
    }
  }

  private malformed(line: number, reason: string): CsvFormatError {
    return new CsvFormatError({ source: this.source, line, column: null, reason });
  }
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1))
    count += 1;
  return count;
}

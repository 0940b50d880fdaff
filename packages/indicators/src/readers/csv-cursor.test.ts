import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvCursor } from './csv-cursor.ts';
import { parseNumberText } from './number-text.ts';

/** The cursor on the first record of `text`. */
function firstRecord(text: string): CsvCursor {
  const cursor = new CsvCursor(text, 'test.csv');
  if (!cursor.next()) throw new Error('fixture should have a record');
  return cursor;
}

/** A CSV field holding `cell`, quoted when it has a comma, quote or newline in it. */
const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('CsvCursor', () => {
  it('gives each field where it is, quotes removed and doubled quotes read as one', () => {
    const at = firstRecord('E01,"Bristol, City of","say ""hi""",\r\nnext');
    expect(at.count).toBe(4);
    expect([0, 1, 2, 3].map((k) => at.field(k))).toEqual([
      'E01',
      'Bristol, City of',
      'say "hi"',
      '',
    ]);
    expect(at.cells()).toEqual(['E01', 'Bristol, City of', 'say "hi"', '']);
  });

  it('tells whether a field reads as a given text without making a string of it', () => {
    const at = firstRecord('Barnet,"Barnet","a""b"');
    expect(at.holds(0, 'Barnet')).toBe(true);
    expect(at.holds(1, 'Barnet')).toBe(true);
    expect(at.holds(0, 'Barne')).toBe(false);
    // Field 2 reads as a"b, which is not its text in the file.
    expect(at.holds(2, 'a""b')).toBe(false);
  });

  it('reads plain and thousands-grouped digits straight from the text', () => {
    const at = firstRecord('715,"1,296","12,345,678",007');
    expect([0, 1, 2, 3].map((k) => at.digits(k))).toEqual([715, 1296, 12_345_678, 7]);
  });

  it('leaves anything else to parseNumberText (NaN): signs, points, spaces, odd groups, 16 digits', () => {
    const at = firstRecord('-1,2.5, 3,"1,2","12,34","1234,567",1234567890123456,,x');
    for (let k = 0; k < at.count; k++) expect(at.digits(k)).toBeNaN();
  });

  it('reads every whole number as File 6 writes it, grouped in thousands or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (n) => {
        expect(firstRecord(`${n},"${n.toLocaleString('en-GB')}"`).digits(0)).toBe(n);
        expect(firstRecord(`${n},"${n.toLocaleString('en-GB')}"`).digits(1)).toBe(n);
      }),
    );
  });

  it('reads digits exactly as parseNumberText does whenever it reads them at all', () => {
    const cell = fc.stringMatching(/^[0-9,. +-]{0,20}$/);
    fc.assert(
      fc.property(cell, (text) => {
        const value = firstRecord(`${quoted(text)},end`).digits(0);
        if (!Number.isNaN(value)) expect(value).toBe(parseNumberText(text));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { csvComment, csvLine } from './csv-line.ts';

describe('csvLine', () => {
  it('writes plain fields and numbers as they are, in full precision', () => {
    expect(csvLine(['E07000096', 'Dacorum', 10835.150410051765, 0])).toBe(
      'E07000096,Dacorum,10835.150410051765,0',
    );
  });

  it('quotes a field with a comma, like "Bristol, City of"', () => {
    expect(csvLine(['E06000023', 'Bristol, City of'])).toBe('E06000023,"Bristol, City of"');
  });

  it('doubles quotes inside a quoted field and quotes line breaks', () => {
    expect(csvLine(['say "hi"', 'two\nlines', 'cr\r'])).toBe('"say ""hi""","two\nlines","cr\r"');
  });

  it('writes null and undefined as empty (missing) fields', () => {
    expect(csvLine(['a', null, undefined, 'b'])).toBe('a,,,b');
  });
});

describe('spreadsheet formula injection (OWASP)', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'])('writes a text field starting like a formula (%j) with a leading quote, as text', (text) => {
    const cell = csvLine([text]);
    expect(cell.replace(/^"/, '')).toMatch(/^'/);
  });

  it('keeps negative numbers as numbers', () => {
    expect(csvLine([-1.5, 'Dacorum'])).toBe('-1.5,Dacorum');
  });

  it('keeps a comment on one line whatever the text holds', () => {
    expect(csvComment('Tartan rug: wards of Evil\r\n=cmd|calc,x')).toBe('# Tartan rug: wards of Evil =cmd|calc,x');
  });
});

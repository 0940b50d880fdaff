import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-line.ts';

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

import { describe, expect, it } from 'vitest';
import { guessCodeProperty, guessNameProperty } from './property-guess.ts';

// Hand-made property rows, shaped like the ONS releases they imitate.
const wards2013 = [
  { WD13CD: 'E05004691', WD13CDO: '26UCHK', WD13NM: 'Adeyfield East', WD13NMW: null },
  { WD13CD: 'E05004692', WD13CDO: '26UCHL', WD13NM: 'Adeyfield West', WD13NMW: null },
];

describe('guessCodeProperty', () => {
  it('picks the ONS code property over the old-style code beside it', () => {
    expect(guessCodeProperty(wards2013)).toBe('WD13CD');
  });

  it('picks a lower-case ONS property', () => {
    expect(guessCodeProperty([{ lsoa11cd: 'E01023346', lsoa11nm: 'Dacorum 013B' }])).toBe(
      'lsoa11cd',
    );
  });

  it('picks the area’s own code, unique per feature, over its parent’s code', () => {
    const lsoas = [
      { LAD19CD: 'E07000096', LSOA11CD: 'E01023346' },
      { LAD19CD: 'E07000096', LSOA11CD: 'E01023348' },
    ];
    expect(guessCodeProperty(lsoas)).toBe('LSOA11CD');
  });

  it('prefers the finer level when uniqueness cannot tell (a single feature)', () => {
    expect(guessCodeProperty([{ LAD19CD: 'E07000096', LSOA21CD: 'E01023346' }])).toBe('LSOA21CD');
  });

  it('recognises any <level><yy>CD property holding GSS codes', () => {
    expect(guessCodeProperty([{ MSOA11CD: 'E02004780', MSOA11NM: 'Dacorum 001' }])).toBe(
      'MSOA11CD',
    );
  });

  it('falls back to a property called code, whatever its values look like', () => {
    expect(guessCodeProperty([{ code: 'EST-01', name: 'Fulbrook estate' }])).toBe('code');
    expect(guessCodeProperty([{ CODE: 'EST-02' }])).toBe('CODE');
  });

  it('falls back to any property full of GSS codes', () => {
    expect(guessCodeProperty([{ gss: 'E05004691', label: 'Adeyfield East' }])).toBe('gss');
  });

  it('still finds the code property when some features lack a value, so validation can name them', () => {
    const rows = [{ WD13CD: 'E05004691' }, { WD13CD: '' }, { WD13CD: null }, {}];
    expect(guessCodeProperty(rows)).toBe('WD13CD');
  });

  it('picks the property on most features when two could hold codes', () => {
    expect(
      guessCodeProperty([{ gss: 'E05004691', other: 'E05000001' }, { gss: 'E05004692' }]),
    ).toBe('gss');
  });

  it('gives up when nothing looks like a code', () => {
    expect(guessCodeProperty([{ id: 7, label: 'somewhere' }])).toBeUndefined();
    expect(guessCodeProperty([])).toBeUndefined();
  });
});

describe('guessNameProperty', () => {
  it('takes the sibling of the code property, not the Welsh name beside it', () => {
    expect(guessNameProperty(wards2013, 'WD13CD')).toBe('WD13NM');
  });

  it('keeps the case of the code property', () => {
    expect(
      guessNameProperty([{ lsoa11cd: 'E01023346', lsoa11nm: 'Dacorum 013B' }], 'lsoa11cd'),
    ).toBe('lsoa11nm');
  });

  it('takes any <level><yy>NM property, then name in any case', () => {
    expect(guessNameProperty([{ code: 'X', WD23NM: 'Bennetts End' }], 'code')).toBe('WD23NM');
    expect(guessNameProperty([{ CODE: 'X', NAME: 'Fulbrook estate' }], 'CODE')).toBe('NAME');
  });

  it('takes a name property even when some features leave it empty', () => {
    const rows = [
      { code: 'A', name: '' },
      { code: 'B', name: '  ' },
      { code: 'C', name: 'Only one' },
    ];
    expect(guessNameProperty(rows, 'code')).toBe('name');
    expect(guessNameProperty([{ code: 'A', name: '' }], 'code')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskForPublication } from './masking.ts';

const masked = (text: string) => maskForPublication(text).text;

describe('masking phone numbers', () => {
  it.each([
    ['Call me on 07700 900123 any time', 'Call me on [phone number removed] any time'],
    ['ring 07700900123.', 'ring [phone number removed].'],
    ['mobile 07700-900-123', 'mobile [phone number removed]'],
    ['the office is (01632) 960 123', 'the office is [phone number removed]'],
    [
      'London 020 7946 0958 or 0207 946 0958',
      'London [phone number removed] or [phone number removed]',
    ],
    ['a ten-digit one: 01697 73456', 'a ten-digit one: [phone number removed]'],
    ['the council on 0300 123 4567', 'the council on [phone number removed]'],
    [
      '+44 7700 900123, +447700900123 and +44 (0)20 7946 0958',
      '[phone number removed], [phone number removed] and [phone number removed]',
    ],
    ['from abroad 0044 7700 900 123', 'from abroad [phone number removed]'],
  ])('masks %j', (text, expected) => {
    expect(maskForPublication(text)).toEqual({ text: expected, masked: ['phone'] });
  });

  it.each([
    'Block 12 has had 3 bins since 2019',
    'it was 1999 or 2000 when the lift last worked',
    'open 0900-1700, 52 weeks a year',
    'the 10:30 bus, route 701, every 15 minutes',
    'about 1,200 homes and £25,000 a year',
    'the freephone 0800 123 4567 is not personal',
    'a 12 digit number 012345678901 is not a UK phone number',
  ])('leaves alone numbers that are not phone numbers: %j', (text) => {
    expect(maskForPublication(text)).toEqual({ text, masked: [] });
  });
});

describe('masking email addresses', () => {
  it('masks a plain address and keeps the sentence', () => {
    expect(maskForPublication('email jo.bloggs+estate@example.co.uk about it')).toEqual({
      text: 'email [email removed] about it',
      masked: ['email'],
    });
  });

  it('masks the "(at) ... (dot)" dodge', () => {
    expect(masked('write to jo (at) example (dot) com please')).toBe(
      'write to [email removed] please',
    );
  });

  it('leaves an @ that is not an address alone', () => {
    expect(masked('meet @ the community centre')).toBe('meet @ the community centre');
  });
});

describe('masking street addresses with house numbers', () => {
  it.each([
    ['I live at 12 Acacia Road and it floods', 'I live at [address removed] and it floods'],
    ['Flat 3, 45 High Street is damp', '[address removed] is damp'],
    ['12a Mill Lane has rats', '[address removed] has rats'],
    ['10-12 Station Rd need new doors', '[address removed] need new doors'],
    ['lowercase too: 7 acacia avenue', 'lowercase too: [address removed]'],
    [
      '12 Acacia Close, 3 Orchard Way and 9 Nelson House',
      '[address removed], [address removed] and [address removed]',
    ],
    ['the leak in flat 12 Nelson House', 'the leak in [address removed]'],
    ['the leak in flat 12b', 'the leak in [address removed]'],
    ['12 St Mary’s Road', '[address removed]'],
  ])('masks %j', (text, expected) => {
    expect(maskForPublication(text)).toEqual({ text: expected, masked: ['address'] });
  });

  it('masks a full postcode but not a district', () => {
    expect(masked('near HP1 1AA in HP1')).toBe('near [postcode removed] in HP1');
  });

  it.each([
    'Block 12 needs its lift fixed',
    'there are 3 bins on the road',
    '4 street lights are out on Acacia Road',
    'the 20 mph road by the school',
    'a 5 minutes drive away',
    '3 kids play park near the shops',
    'in 2019 Acacia Road flooded',
    'we need 2 more benches in the Park',
    'the number 12 bus stops at the Green',
  ])('leaves alone %j', (text) => {
    expect(maskForPublication(text).masked).not.toContain('address');
  });
});

describe('masking profanity', () => {
  it('stars out a swear word, the whole word, keeping its length', () => {
    expect(maskForPublication('the fucking bins again')).toEqual({
      text: 'the ******* bins again',
      masked: ['profanity'],
    });
    expect(masked('this is bollocks')).toBe('this is ********');
  });

  it('catches spellings meant to slip past', () => {
    expect(masked('sh1t everywhere')).toBe('**** everywhere');
    expect(masked('fuuuuck off')).toBe('******* off');
  });

  it('leaves alone ordinary words and the places people live', () => {
    for (const text of [
      'Scunthorpe',
      'Penistone Road',
      'Cockermouth',
      'the assessment',
      'Dickinson Close',
      'grapes',
      'Sussex',
      'the class analysis',
      'cucumber',
    ]) {
      expect(maskForPublication(text)).toEqual({ text, masked: [] });
    }
  });

  it('counts positions in UTF-16 as strings do, emoji included', () => {
    expect(masked('😀😀 shit 😀')).toBe('😀😀 **** 😀');
  });
});

describe('masking as a whole', () => {
  it('lists each kind found once, in a fixed order', () => {
    const result = maskForPublication(
      'shit: ring 07700 900123 or 07700 900124, or jo@example.org, at 12 Acacia Road',
    );
    expect(result.masked).toEqual(['email', 'phone', 'address', 'profanity']);
    expect(result.text).toBe(
      '****: ring [phone number removed] or [phone number removed], or [email removed], at [address removed]',
    );
  });

  it('leaves text with nothing to mask exactly as it was', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ,.!?'’]{0,80}$/), (text) => {
        const result = maskForPublication(text);
        return result.masked.includes('profanity') || result.text === text;
      }),
    );
  });

  it('is idempotent: masking masked text changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const once = maskForPublication(text).text;
        expect(maskForPublication(once).text).toBe(once);
      }),
    );
  });

  it('never leaves a phone number generated in any usual layout', () => {
    const layouts = fc.tuple(
      fc.constantFrom('07', '01', '02', '03', '+44 7', '+44 (0)1', '0044 2'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      fc.constantFrom(' ', '-', ''),
    );
    fc.assert(
      fc.property(layouts, ([start, digits, sep]) => {
        const number = `${start}${digits.slice(0, 3).join('')}${sep}${digits.slice(3, 6).join('')}${sep}${digits.slice(6).join('')}`;
        expect(maskForPublication(`call ${number} today`).text).toBe(
          'call [phone number removed] today',
        );
      }),
    );
  });
});

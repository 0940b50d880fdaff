import { describe, expect, it } from 'vitest';
import { readRugChoice } from './rug-params.ts';

describe('the rug chosen by a URL', () => {
  it('reads the column picker\'s choice as one comma-separated value', () => {
    const choice = readRugChoice(new URLSearchParams('parent=E07000096&indicators=imd_score,income_rate'));
    expect(choice?.indicators).toBe('imd_score,income_rate');
  });

  it('reads the same choice sent as one value per ticked box (the form without JavaScript)', () => {
    const choice = readRugChoice(new URLSearchParams('parent=E07000096&indicators=imd_score&indicators=income_rate'));
    expect(choice?.indicators).toBe('imd_score,income_rate');
  });

  it('leaves the standard columns when none is chosen', () => {
    expect(readRugChoice(new URLSearchParams('parent=E07000096&indicators='))).not.toHaveProperty('indicators');
  });
});

import { describe, expect, it } from 'vitest';
import { fitWithin } from './photo.ts';

describe('the size a photo is sent at', () => {
  it('keeps a small photo as it is', () =>
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 }));
  it('brings the longest side down to 1600 px, keeping the shape', () =>
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 }));
  it('works for portrait photos too', () =>
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 }));
});

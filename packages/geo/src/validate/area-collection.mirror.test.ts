// Real data from the read-only open-data mirror: every 2013 ward file of England, and the LSOA
// polygons of Dacorum and Milton Keynes. Validation must accept all of them as they are.
import { describe, expect, it } from 'vitest';
import { boundaryPath, readMirrorJson, wardFileNames } from '../../test-support/mirror.ts';
import { validateAreaCollection } from './area-collection.ts';

describe('validateAreaCollection on the mirror', () => {
  it('accepts all 326 ward files of England, guessing WD13CD and WD13NM', () => {
    const files = wardFileNames();
    expect(files).toHaveLength(326);
    const codes = new Set<string>();
    let features = 0;
    for (const file of files) {
      const result = validateAreaCollection(readMirrorJson(boundaryPath('wards-2013', file)));
      expect([file, result.ok, result.ok ? [] : result.errors]).toEqual([file, true, []]);
      expect(result.guessed).toEqual({ codeProp: 'WD13CD', nameProp: 'WD13NM' });
      if (!result.ok) continue;
      expect(result.warnings).toEqual([]);
      features += result.features.length;
      for (const feature of result.features) codes.add(feature.code);
    }
    // Ward codes are unique across authorities too.
    expect(codes.size).toBe(features);
    expect(features).toBe(7681);
  });

  it.each([
    ['E07000096', 94],
    ['E06000042', 152],
  ])('accepts the LSOA polygons of %s, guessing LSOA11CD and LSOA11NM', (lad, count) => {
    const result = validateAreaCollection(
      readMirrorJson(boundaryPath('lsoa-2011', `${lad}.geojson`)),
    );
    expect(result.ok && result.features).toHaveLength(count);
    expect(result.guessed).toEqual({ codeProp: 'LSOA11CD', nameProp: 'LSOA11NM' });
  });
});

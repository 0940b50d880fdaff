import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { squareRing } from '../../test-support/shapes.ts';
import { validateAreaCollection } from './area-collection.ts';
import type { AreaCollectionValidation } from './area-collection.ts';
import { formatValidationError } from './validation-error.ts';

// Hand-made feature collections: 0.01° squares near Hemel Hempstead with made-up GSS-like codes.
function ward(
  code: unknown,
  coordinates: Position[][] = [squareRing(-0.47, 51.75, 0.01)],
  name: unknown = `Ward ${String(code)}`,
) {
  return {
    type: 'Feature',
    properties: { WD13CD: code, WD13CDO: '26UCHK', WD13NM: name, WD13NMW: null },
    geometry: { type: 'Polygon', coordinates },
  };
}

function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

function kinds(result: AreaCollectionValidation): string[] {
  return result.ok ? [] : result.errors.map((e) => e.kind);
}

describe('validateAreaCollection', () => {
  it('accepts good wards and says which properties it guessed', () => {
    const result = validateAreaCollection(collection(ward('E05004691'), ward('E05004692')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guessed).toEqual({ codeProp: 'WD13CD', nameProp: 'WD13NM' });
    expect(result.codeProp).toBe('WD13CD');
    expect(result.features.map((f) => [f.code, f.name])).toEqual([
      ['E05004691', 'Ward E05004691'],
      ['E05004692', 'Ward E05004692'],
    ]);
    expect(result.features[0]?.geometry.type).toBe('Polygon');
    expect(result.features[0]?.properties.WD13CDO).toBe('26UCHK');
    expect(result.warnings).toEqual([]);
  });

  it('uses the properties it is told and guesses nothing', () => {
    const result = validateAreaCollection(collection(ward('E05004691')), {
      codeProp: 'WD13CDO',
      nameProp: 'WD13NM',
    });
    expect(result.ok && result.features[0]?.code).toBe('26UCHK');
    expect(result.guessed).toEqual({});
  });

  it('refuses anything that is not a FeatureCollection, saying what it got', () => {
    const feature = validateAreaCollection(ward('E05004691'));
    expect(kinds(feature)).toEqual(['not_feature_collection']);
    expect(!feature.ok && feature.errors[0]?.message).toMatch(/got a Feature/);
    expect(kinds(validateAreaCollection(null))).toEqual(['not_feature_collection']);
    expect(kinds(validateAreaCollection([ward('E05004691')]))).toEqual(['not_feature_collection']);
    expect(kinds(validateAreaCollection({ type: 'FeatureCollection' }))).toEqual([
      'not_feature_collection',
    ]);
  });

  it('refuses an empty collection rather than load zero areas', () => {
    expect(kinds(validateAreaCollection(collection()))).toEqual(['empty_collection']);
  });

  it('refuses a feature that is not a Feature', () => {
    const result = validateAreaCollection(
      collection(ward('E05004691'), { type: 'Polygon', coordinates: [] }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ index: 1, kind: 'not_feature' });
  });

  it('refuses points, lines and missing geometries', () => {
    const point = { ...ward('E05004691'), geometry: { type: 'Point', coordinates: [-0.4, 51.7] } };
    const none = { ...ward('E05004692'), geometry: null };
    const result = validateAreaCollection(collection(point, none));
    expect(kinds(result)).toEqual(['geometry_type', 'null_geometry']);
    expect(!result.ok && result.errors[0]?.message).toMatch(
      /geometry is Point; an area must be a Polygon or MultiPolygon/,
    );
  });

  it('recognises British National Grid eastings/northings and says how to reproject', () => {
    const bng = validateAreaCollection(
      collection(ward('E05004691', [squareRing(505_000, 207_000, 500)])),
    );
    expect(kinds(bng)).toEqual(['projected_bng']);
    const message = bng.ok ? '' : (bng.errors[0]?.message ?? '');
    expect(message).toMatch(/British National Grid/);
    expect(message).toMatch(/EPSG:4326/);
    expect(message).toMatch(/ogr2ogr -f GeoJSON -t_srs EPSG:4326/);
  });

  it('refuses latitudes beyond the poles', () => {
    expect(
      kinds(validateAreaCollection(collection(ward('E05004691', [squareRing(-0.4, 89.5, 1)])))),
    ).toEqual(['out_of_range']);
  });

  it('closes an open ring, drops repeated positions, and says which features it repaired', () => {
    const open = squareRing(-0.47, 51.75, 0.01).slice(0, 4);
    const [a, b, c, d] = squareRing(-0.47, 51.76, 0.01);
    const stutter = [a, b, b, c, d, a] as Position[];
    const result = validateAreaCollection(
      collection(ward('E05004691', [open]), ward('E05004692', [stutter]), ward('E05004693')),
    );
    expect(result.ok && result.features.map((f) => f.geometry.coordinates)).toEqual([
      [squareRing(-0.47, 51.75, 0.01)],
      [squareRing(-0.47, 51.76, 0.01)],
      [squareRing(-0.47, 51.75, 0.01)],
    ]);
    expect(result.warnings).toContain(
      'repaired: feature 0 (E05004691): closed ring 0; feature 1 (E05004692): dropped 1 repeated position from ring 0',
    );
  });

  it('refuses a ring of fewer than 4 positions, even once closed', () => {
    const short: Position[] = [
      [-0.47, 51.75],
      [-0.46, 51.75],
      [-0.47, 51.75],
    ];
    const open: Position[] = [
      [-0.47, 51.75],
      [-0.46, 51.75],
    ];
    const result = validateAreaCollection(
      collection(ward('E05004691', [short]), ward('E05004692', [open])),
    );
    expect(!result.ok && result.errors.map((e) => [e.index, e.kind])).toEqual([
      [0, 'short_ring'],
      [1, 'short_ring'],
    ]);
  });

  it('refuses coordinates that are not numbers', () => {
    const ring = [
      [-0.47, 51.75],
      ['-0.46', 51.75],
      [-0.46, 51.76],
      [-0.47, 51.75],
    ];
    const result = validateAreaCollection(collection(ward('E05004691', [ring as Position[]])));
    expect(kinds(result)).toEqual(['non_numeric']);
    expect(!result.ok && result.errors[0]?.message).toMatch(/position 1 is \["-0.46",51.75\]/);
  });

  it('refuses a feature with a missing or empty code', () => {
    const result = validateAreaCollection(
      collection(ward('E05004691'), ward(''), ward(undefined), ward('   ')),
    );
    expect(!result.ok && result.errors.map((e) => [e.index, e.kind])).toEqual([
      [1, 'missing_code'],
      [2, 'missing_code'],
      [3, 'missing_code'],
    ]);
  });

  it('refuses a duplicate code, naming the feature that had it first', () => {
    const result = validateAreaCollection(
      collection(ward('E05004691'), ward('E05004692'), ward('E05004691')),
    );
    expect(!result.ok && result.errors).toEqual([
      {
        index: 2,
        code: 'E05004691',
        kind: 'duplicate_code',
        message: 'code E05004691 is already used by feature 0',
      },
    ]);
  });

  it('reads a numeric code as text', () => {
    const result = validateAreaCollection(collection(ward(17)), { codeProp: 'WD13CD' });
    expect(result.ok && result.features[0]?.code).toBe('17');
  });

  it('says so when it cannot find the code property, listing the properties it saw', () => {
    const nameless = {
      type: 'Feature',
      properties: { id: 1, label: 'x' },
      geometry: ward('E05004691').geometry,
    };
    const result = validateAreaCollection(collection(nameless));
    expect(kinds(result)).toEqual(['no_code_property']);
    expect(!result.ok && result.errors[0]?.message).toMatch(
      /pass codeProp \(properties seen: id, label\)/,
    );
  });

  it('says so once when the code property it was told is on no feature', () => {
    const result = validateAreaCollection(collection(ward('E05004691'), ward('E05004692')), {
      codeProp: 'WD17CD',
    });
    expect(kinds(result)).toEqual(['no_code_property']);
  });

  it('leaves names empty, with a warning, when there is no name property', () => {
    const bare = {
      type: 'Feature',
      properties: { code: 'EST-01' },
      geometry: ward('E05004691').geometry,
    };
    const result = validateAreaCollection(collection(bare));
    expect(result.ok && result.features[0]?.name).toBeNull();
    expect(result.guessed).toEqual({ codeProp: 'code', nameProp: null });
    expect(result.warnings).toEqual([expect.stringMatching(/no name property/) as unknown]);
  });

  it('warns when the name property it was told is on no feature', () => {
    const result = validateAreaCollection(collection(ward('E05004691')), { nameProp: 'WD17NM' });
    expect(result.ok && result.features[0]?.name).toBeNull();
    expect(result.warnings).toEqual([expect.stringMatching(/"WD17NM"/) as unknown]);
  });

  it('refuses a feature whose coordinates look like latitude, longitude for Great Britain, naming it', () => {
    const swapped = squareRing(51.75, -0.47, 0.01);
    const result = validateAreaCollection(
      collection(ward('E05004691'), ward('E05004692', [swapped])),
    );
    expect(!result.ok && result.errors.map((e) => [e.index, e.kind])).toEqual([
      [1, 'swapped_axes'],
    ]);
    const [error] = result.ok ? [] : result.errors;
    expect(error && formatValidationError(error)).toMatch(
      /^feature 1 \(E05004692\): the coordinates look swapped: \[51.75, -0.47\] at ring 0, position 0 \(every position\).*swap the axes$/,
    );
  });

  it('describes the first 20 errors and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      ward(`E050000${10 + i}`, [squareRing(505_000, 207_000, 500)]),
    );
    const result = validateAreaCollection(collection(...many));
    expect(!result.ok && result.errors).toHaveLength(20);
    expect(!result.ok && result.moreErrors).toBe(10);
    expect(!result.ok && validateAreaCollection(collection(...many), { maxErrors: 5 }).ok).toBe(
      false,
    );
    const five = validateAreaCollection(collection(...many), { maxErrors: 5 });
    expect(!five.ok && [five.errors.length, five.moreErrors]).toEqual([5, 25]);
  });

  it('formats an error as one line naming the feature', () => {
    const result = validateAreaCollection(collection(ward('E05004691'), ward('E05004691')));
    const [error] = result.ok ? [] : result.errors;
    expect(error && formatValidationError(error)).toBe(
      'feature 1 (E05004691): code E05004691 is already used by feature 0',
    );
  });
});

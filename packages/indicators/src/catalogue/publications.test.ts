// The publications table is the only copy of each attribution: every catalogue indicator cites
// one publication word for word, and no other source file of the package spells its wording out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.ts';
import { isPublicationId, openDataAttribution, publications } from './publications.ts';

const SRC = join(import.meta.dirname, '..');

describe('publications', () => {
  it("credits every catalogue indicator in one publication's words", () => {
    for (const d of catalogue) {
      const cited = Object.values(publications).filter((p) => p.name === d.source.dataset);
      expect(cited, d.id).toHaveLength(1);
      expect(
        {
          name: d.source.dataset,
          publisher: d.source.publisher,
          url: d.source.url,
          licence: d.licence,
          attribution: d.attribution,
        },
        d.id,
      ).toEqual(cited[0]);
    }
  });

  it('is the only source file of the package that spells out a licence or attribution', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('publications.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const { licence, attribution } of Object.values(publications)) {
        expect(text, file).not.toContain(attribution);
        expect(text, file).not.toContain(`'${licence}'`);
      }
    }
  });

  it('knows its own ids and no others', () => {
    expect(isPublicationId('iod2019')).toBe(true);
    expect(isPublicationId('toString')).toBe(false);
    expect(isPublicationId('census2021')).toBe(false);
  });

  it('credits the boundaries, then IoD2019, under rugs and profiles', () => {
    expect(openDataAttribution).toBe(
      'Contains OS data © Crown copyright and database right; contains National Statistics data © Crown copyright and database right. Contains MHCLG English Indices of Deprivation 2019 data © Crown copyright and database right. Open Government Licence v3.0.',
    );
  });
});

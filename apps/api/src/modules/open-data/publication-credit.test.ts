// One copy of every attribution: data/sources.json names each dataset's publication and repeats
// none of its wording, and an indicator is credited in the same words as the file it is read from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, isPublicationId, openDataAttribution, publications } from '@thrive/indicators';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.ts';
import { register } from './datasets.ts';
import { withPublicationCredit } from './publication-credit.ts';
import { readRegister } from './register.ts';

const text = readFileSync(join(REPO_ROOT, 'data', 'sources.json'), 'utf8');
const stored: { datasets: Record<string, unknown>[] } = JSON.parse(text);

describe("the register's credit", () => {
  it('names a known publication for every dataset and leaves its wording to the publications table', () => {
    for (const dataset of stored.datasets) {
      expect(isPublicationId(String(dataset.publication)), String(dataset.id)).toBe(true);
      for (const field of ['publisher', 'licence', 'attribution', 'url'])
        expect(dataset, String(dataset.id)).not.toHaveProperty(field);
    }
    for (const { licence, attribution } of Object.values(publications)) {
      for (const words of [licence, attribution]) expect(text).not.toContain(words);
    }
    expect(stored).not.toHaveProperty('attribution');
  });

  it('credits every catalogue indicator in the same words as the register credits its files', () => {
    for (const d of catalogue) {
      const files = [d.source.value, d.source.numerator, d.source.denominator].flatMap((c) =>
        c ? [c.file] : [],
      );
      const datasets = register.datasets.filter((r) => files.includes(r.mirror));
      expect(datasets.length, d.id).toBe(new Set(files).size);
      for (const dataset of datasets)
        expect({ ...d.source, licence: d.licence, attribution: d.attribution }, d.id).toMatchObject(
          {
            publisher: dataset.publisher,
            url: dataset.url,
            licence: dataset.licence,
            attribution: dataset.attribution,
          },
        );
    }
  });

  it('gives the fetch half the same publisher, page and licence as the read half', () => {
    for (const dataset of readRegister().datasets) {
      expect(register.datasets.find((r) => r.id === dataset.id)).toMatchObject({
        publisher: dataset.publisher,
        url: dataset.url,
        licence: dataset.licence,
      });
    }
  });

  it('prints the boundaries and IoD2019 attributions under rugs and profiles', () => {
    expect(register.attribution).toBe(openDataAttribution);
    expect(register.attribution).toContain(publications['ons-geography'].attribution);
    expect(register.attribution).toContain(publications.iod2019.attribution);
  });

  it('refuses a dataset whose publication is not in the table, naming the dataset', () => {
    expect(() => withPublicationCredit({ id: 'census-2021', publication: 'census' })).toThrow(
      /census-2021.*unknown publication "census"/,
    );
  });
});

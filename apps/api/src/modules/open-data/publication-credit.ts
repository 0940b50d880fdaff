// A register entry's credit: data/sources.json names each dataset's publication, and its
// publisher, page, licence and attribution come from @thrive/indicators' table of publications,
// the one copy of that wording (the indicator catalogue cites the same table).
import { isPublicationId, publications, type Publication } from '@thrive/indicators';

/** The wording a register entry takes from its publication. */
export type PublicationCredit = Pick<Publication, 'publisher' | 'url' | 'licence' | 'attribution'>;

/** A register entry as data/sources.json holds it: the publication's id in place of its wording. */
export type StoredEntry<T> = Omit<T, keyof PublicationCredit> & { id: string; publication: string };

/**
 * The entry with its publication's publisher, page, licence and attribution.
 * @throws Error naming the dataset when its publication is not in the table.
 */
export function withPublicationCredit<T extends { id: string; publication: string }>(
  entry: T,
): T & PublicationCredit {
  if (!isPublicationId(entry.publication))
    throw new Error(
      `dataset ${entry.id} in data/sources.json: unknown publication "${entry.publication}" (known: ${Object.keys(publications).join(', ')})`,
    );
  const { publisher, url, licence, attribution } = publications[entry.publication];
  return { ...entry, publisher, url, licence, attribution };
}

// The only SQL of workshop exports: a workshop's pins with their place, ward and LSOA names,
// "me too" count and whether they have a photo. No participant column is ever selected.
import type { Database } from '@thrive/db';
import type { PinModerationState } from '@thrive/participation';
import { sql, type Kysely } from 'kysely';

export interface ExportPinRow {
  id: string;
  kind: Database['pin']['kind'];
  theme: string;
  public_text: string;
  lon: number | null;
  lat: number | null;
  place_name: string | null;
  moderation: PinModerationState;
  response_status: Database['pin']['response_status'];
  response_reply: string | null;
  response_expected_by: string | null;
  support: number | string;
  has_photo: boolean | number;
  created_at: Date;
  ward_code: string | null;
  ward_name: string | null;
  lsoa_code: string | null;
  lsoa_name: string | null;
}

/** A workshop's pins in these moderation states, oldest first. */
export function exportPins(
  db: Kysely<Database>,
  workshopId: string,
  states: readonly PinModerationState[],
): Promise<ExportPinRow[]> {
  return db
    .selectFrom('pin')
    .leftJoin('workshop_place as place', 'place.id', 'pin.place_id')
    .leftJoin('area as ward', 'ward.code', 'pin.ward_code')
    .leftJoin('area as lsoa', 'lsoa.code', 'pin.lsoa_code')
    .select((eb) => [
      'pin.id',
      'pin.kind',
      'pin.theme',
      'pin.public_text',
      'pin.lon',
      'pin.lat',
      'place.name as place_name',
      'pin.moderation',
      'pin.response_status',
      'pin.response_reply',
      // A day as text: the drivers would otherwise turn it into a local-midnight Date.
      sql<string | null>`cast(pin.response_expected_by as text)`.as('response_expected_by'),
      eb
        .selectFrom('pin_support')
        .select((s) => s.fn.countAll<number | string>().as('n'))
        .whereRef('pin_support.pin_id', '=', 'pin.id')
        .as('support'),
      eb
        .exists(
          eb.selectFrom('photo').select('photo.pin_id').whereRef('photo.pin_id', '=', 'pin.id'),
        )
        .as('has_photo'),
      'pin.created_at',
      'pin.ward_code',
      'ward.name as ward_name',
      'pin.lsoa_code',
      'lsoa.name as lsoa_name',
    ])
    .where('pin.workshop_id', '=', workshopId)
    .where('pin.moderation', 'in', states)
    .orderBy('pin.created_at')
    .orderBy('pin.id')
    .$narrowType<{ support: number | string }>()
    .execute();
}

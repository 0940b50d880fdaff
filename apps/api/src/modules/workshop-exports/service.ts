// A workshop's pins for officers to take away (GeoJSON, CSV): the published text, moderation
// and reply state, support, ward and LSOA; never who wrote them. Published pins only unless the
// officer asks for the others too. The attribution travels inside the file.
import type { Database } from '@thrive/db';
import { PIN_MODERATION_STATES, type PinModerationState } from '@thrive/participation';
import type { Kysely } from 'kysely';
import { register } from '../open-data/datasets.ts';
import { pinPoint } from '../pins/point.ts';
import { requireWorkshop } from '../workshops/service.ts';
import { exportPins, type ExportPinRow } from './repository.ts';
import type { ExportCollectionBody, ExportFeature } from './schemas.ts';

const BOUNDARIES =
  register.datasets.find((d) => d.id === 'ward-boundaries-2013')?.attribution ??
  register.attribution;

/** The attribution line of an export: whose words these are, and whose boundaries placed them. */
export function exportAttribution(
  workshop: { title: string; code: string; areaName: string },
  exportedAt: Date,
): string {
  return `Residents' pins from the Thrive workshop "${workshop.title}" (${workshop.code}, ${workshop.areaName}), exported ${exportedAt.toISOString()}; text as published, with contact details and profanity masked. Wards and LSOAs: ${BOUNDARIES} Open Government Licence v3.0.`;
}

function toFeature(row: ExportPinRow): ExportFeature {
  return {
    type: 'Feature',
    id: row.id,
    geometry: pinPoint(row.lon, row.lat),
    properties: {
      kind: row.kind,
      theme: row.theme,
      text: row.public_text,
      place: row.place_name,
      status: row.moderation,
      responseStatus: row.response_status,
      reply: row.response_reply,
      expectedBy: row.response_expected_by,
      support: Number(row.support ?? 0),
      hasPhoto: Boolean(row.has_photo),
      createdAt: new Date(row.created_at).toISOString(),
      wardCode: row.ward_code,
      wardName: row.ward_name,
      lsoaCode: row.lsoa_code,
      lsoaName: row.lsoa_name,
    },
  };
}

/** A workshop's pins as a GeoJSON FeatureCollection: published ones, or all with `includeHidden`. */
export async function workshopExport(
  db: Kysely<Database>,
  ref: string,
  includeHidden: boolean,
  now = new Date(),
): Promise<ExportCollectionBody> {
  const workshop = await requireWorkshop(db, ref);
  const includes: PinModerationState[] = includeHidden ? [...PIN_MODERATION_STATES] : ['published'];
  const rows = await exportPins(db, workshop.id, includes);
  const about = {
    code: workshop.code,
    title: workshop.title,
    areaCode: workshop.area_code,
    areaName: workshop.area_name,
  };
  return {
    type: 'FeatureCollection',
    workshop: about,
    exportedAt: now.toISOString(),
    includes,
    attribution: exportAttribution(
      { title: workshop.title, code: workshop.code, areaName: workshop.area_name },
      now,
    ),
    features: rows.map(toFeature),
  };
}

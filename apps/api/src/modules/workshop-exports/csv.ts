// The export as CSV, one row per pin, the same fields as the GeoJSON; attribution and what was
// included in comment lines at the top, as the rug CSV does. Every cell goes through the one
// CSV writer (csv-line.ts), which quotes it and neutralises text a spreadsheet would run as a
// formula: residents' words are never trusted as cells.
import { csvComment, csvLine } from '../../csv-line.ts';
import type { ExportCollectionBody } from './schemas.ts';

const HEADER = [
  'pin_id',
  'lon',
  'lat',
  'place',
  'kind',
  'theme',
  'text',
  'status',
  'response_status',
  'reply',
  'expected_by',
  'support',
  'has_photo',
  'created_at',
  'ward_code',
  'ward_name',
  'lsoa_code',
  'lsoa_name',
];

/** The CSV text of an export. */
export function exportCsv(body: ExportCollectionBody): string {
  const lines = [
    csvComment(
      `Residents' pins: ${body.workshop.title} (${body.workshop.code}), ${body.workshop.areaName} (${body.workshop.areaCode}); moderation states included: ${body.includes.join(', ')}`,
    ),
    csvComment(body.attribution),
    csvLine(HEADER),
  ];
  for (const feature of body.features) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry?.coordinates ?? [null, null];
    lines.push(
      csvLine([
        feature.id,
        lon,
        lat,
        p.place,
        p.kind,
        p.theme,
        p.text,
        p.status,
        p.responseStatus,
        p.reply,
        p.expectedBy,
        p.support,
        p.hasPhoto ? 'yes' : 'no',
        p.createdAt,
        p.wardCode,
        p.wardName,
        p.lsoaCode,
        p.lsoaName,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

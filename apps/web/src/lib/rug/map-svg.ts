// The rug's map as an image for reports: the areas drawn from their boundaries in the colours
// of the chosen column, with a title, the colour key (symbols and words, not colour alone) and
// the data's attribution, all in one SVG (turned into a PNG by rug-download.ts). Drawn from the
// data rather than copied off the WebGL canvas, so it needs no map on screen and is the same
// on every machine.
import type { AreaCollectionBody } from '#lib/api.ts';
import { escapeXml, wrapText } from './rug-svg.ts';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const INK = '#1b1b1f';
const EMPTY = '#E3E3E3';
const WIDTH = 900;
const MAP_HEIGHT = 620;
const MARGIN = 24;
const LINE = 17;
// Rough width of a character at 13px, for wrapping (SVG text does not wrap itself).
const CHAR_WIDTH = 6.6;

export interface MapKeyItem {
  background: string;
  text: string;
  symbol: string;
  label: string;
}

export interface MapSvgInput {
  features: AreaCollectionBody;
  /** Area code → fill colour. */
  fills: Readonly<Record<string, string>>;
  title: string;
  /** The colours used, with their symbols and words. */
  key: readonly MapKeyItem[];
  /** A sentence under the key: what the colours mean for this column. */
  note: string;
  attribution: string;
}

type Position = readonly number[];

function rings(geometry: AreaCollectionBody['features'][number]['geometry']): Position[][] {
  if (!geometry) return [];
  const coordinates = geometry.coordinates as unknown;
  if (geometry.type === 'Polygon') return coordinates as Position[][];
  return (coordinates as Position[][][]).flat();
}

/** The map as SVG text with its size; areas without a boundary are left out. */
export function buildMapSvg(input: MapSvgInput): { svg: string; width: number; height: number } {
  const all = input.features.features.flatMap((f) => rings(f.geometry).flat());
  const lons = all.map((p) => p[0] ?? 0);
  const lats = all.map((p) => p[1] ?? 0);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  // Equirectangular with the mid-latitude's scale: true enough for one district.
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, MAP_HEIGHT / spanY);
  const offsetX = MARGIN + (WIDTH - 2 * MARGIN - spanX * scale) / 2;
  const top = MARGIN + 2 * LINE;
  const x = (lon: number) => (offsetX + (lon - minLon) * kx * scale).toFixed(1);
  const y = (lat: number) => (top + (maxLat - lat) * scale).toFixed(1);

  const paths = input.features.features
    .map((f) => {
      const d = rings(f.geometry)
        .map((ring) => `M${ring.map((p) => `${x(p[0] ?? 0)} ${y(p[1] ?? 0)}`).join('L')}Z`)
        .join('');
      if (!d) return '';
      const fill = input.fills[f.properties.code] ?? EMPTY;
      return `<path d="${d}" fill="${escapeXml(fill)}" stroke="#ffffff" stroke-width="1" fill-rule="evenodd"><title>${escapeXml(f.properties.name)}</title></path>`;
    })
    .join('');

  const parts: string[] = [];
  let cursor = top + spanY * scale + 2 * LINE;
  // The key: a swatch with its symbol, then the words, three to a row.
  const perRow = 3;
  const itemWidth = (WIDTH - 2 * MARGIN) / perRow;
  input.key.forEach((item, i) => {
    const kx0 = MARGIN + (i % perRow) * itemWidth;
    const ky = cursor + Math.floor(i / perRow) * (LINE + 8);
    parts.push(
      `<rect x="${kx0}" y="${ky - 13}" width="34" height="18" fill="${escapeXml(item.background)}" stroke="#d0d0d8"/>`,
      `<text x="${kx0 + 17}" y="${ky}" text-anchor="middle" fill="${escapeXml(item.text)}" font-size="12">${escapeXml(item.symbol)}</text>`,
      `<text x="${kx0 + 42}" y="${ky}">${escapeXml(item.label)}</text>`,
    );
  });
  cursor += Math.ceil(input.key.length / perRow) * (LINE + 8) + 4;
  const chars = (WIDTH - 2 * MARGIN) / CHAR_WIDTH;
  for (const line of wrapText(input.note, chars)) {
    parts.push(`<text x="${MARGIN}" y="${cursor}">${escapeXml(line)}</text>`);
    cursor += LINE;
  }
  cursor += 4;
  for (const line of wrapText(input.attribution, chars * 1.1)) {
    parts.push(`<text x="${MARGIN}" y="${cursor}" font-size="11" fill="#4a4a55">${escapeXml(line)}</text>`);
    cursor += LINE - 2;
  }
  const height = Math.ceil(cursor + MARGIN - LINE);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escapeXml(FONT)}" font-size="13" fill="${INK}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${MARGIN}" y="${MARGIN + LINE}" font-size="17" font-weight="700">${escapeXml(input.title)}</text>` +
    paths +
    parts.join('') +
    `</svg>`;
  return { svg, width: WIDTH, height };
}

// Turns verified downloads into the files the loaders read, written under a staging folder
// first, so a failure half-way leaves the data folder as it was.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Layout, XlsxColumnsLayout } from './register.ts';
import { headerKey, readSheetTables } from './workbook.ts';

/** A downloaded file and the key it stands for. */
export interface Downloaded {
  key: string | null;
  path: string;
}

/** A downloaded file is not what its layout needs (e.g. another release's columns). */
export class LayoutError extends Error {
  override name = 'LayoutError';
}

/**
 * Writes a dataset's files under `staging` at `mirrorPath` (its place in the data folder) and
 * returns their paths relative to `staging`.
 */
export async function layOut(
  layout: Layout,
  files: readonly Downloaded[],
  staging: string,
  mirrorPath: string,
): Promise<string[]> {
  switch (layout.kind) {
    case 'copy':
      return Promise.all(
        files.map(async (file) => {
          const relative = layout.to
            ? join(mirrorPath, layout.to.replaceAll('{key}', file.key ?? ''))
            : mirrorPath;
          await mkdir(dirname(join(staging, relative)), { recursive: true });
          await copyFile(file.path, join(staging, relative));
          return relative;
        }),
      );
    case 'csv-columns': {
      const [file] = files;
      if (!file) return [];
      await write(
        staging,
        mirrorPath,
        selectColumns(await readFile(file.path, 'utf8'), layout.columns, file.path),
      );
      return [mirrorPath];
    }
    case 'lsoa-centroids': {
      const rows: string[][] = [];
      for (const file of files)
        rows.push(
          ...centroidRows(
            JSON.parse(await readFile(file.path, 'utf8')) as unknown,
            file.key ?? '',
            layout.codeProperty,
            layout.nameProperty,
            file.path,
          ),
        );
      rows.sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));
      await write(
        staging,
        mirrorPath,
        stringify([['lsoa11_code', 'lsoa11_name', 'lad_code', 'lon', 'lat'], ...rows], '\r\n'),
      );
      return [mirrorPath];
    }
    case 'xlsx-columns': {
      const [file] = files;
      if (!file) return [];
      await write(staging, mirrorPath, await workbookColumns(file.path, layout));
      return [mirrorPath];
    }
  }
}

/** The CSV an xlsx-columns layout makes of a workbook. @throws LayoutError when a header is in no sheet. */
export async function workbookColumns(path: string, layout: XlsxColumnsLayout): Promise<string> {
  let workbook;
  try {
    workbook = await readSheetTables(path, layout.key);
  } catch (error) {
    // exceljs and its unzipper throw plain errors for a file that is not a workbook.
    throw new LayoutError(
      `${path}: not a readable Excel workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const { tables, firstRows } = workbook;
  if (tables.length === 0) {
    const found = firstRows.flat().slice(0, 4);
    throw new LayoutError(
      `${path}: no sheet has a "${layout.key}" column (its sheets begin ${found.map((h) => `"${h}"`).join(', ') || 'empty'}): not the release the register names, or the publisher changed the file`,
    );
  }
  const outputs = Object.entries(layout.columns);
  // Where each output column is: the sheet (index into tables) and the column in it.
  const places = outputs.map(([, header]) => {
    const wanted = headerKey(header);
    const at = tables.findIndex((t) => t.header.some((h) => headerKey(h) === wanted));
    const table = tables[at];
    return table ? { at, column: table.header.findIndex((h) => headerKey(h) === wanted) } : null;
  });
  const missing = outputs.filter((_, i) => places[i] === null).map(([, header]) => header);
  if (missing.length > 0) {
    const found = tables.flatMap((t) => t.header.filter((h) => h !== '')).slice(0, 6);
    throw new LayoutError(
      `${path}: has no column "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; its headers begin ${found.map((h) => `"${h}"`).join(', ')}: not the release the register names, or the publisher changed the file`,
    );
  }
  // Each sheet's rows by their key, so sheets in different orders still join row by row.
  const byKey = tables.map((table) => {
    const keyColumn = table.header.findIndex((h) => headerKey(h) === headerKey(layout.key));
    return new Map(table.rows.map((row) => [row[keyColumn] ?? '', row]));
  });
  const keys = [...new Set(byKey.flatMap((rows) => [...rows.keys()]))]
    .filter((k) => k !== '')
    .sort();
  const rows = keys.map((key) =>
    places.map((place) =>
      place === null ? '' : (byKey[place.at]?.get(key)?.[place.column] ?? ''),
    ),
  );
  return stringify([outputs.map(([name]) => name), ...rows]);
}

async function write(staging: string, relative: string, text: string): Promise<void> {
  await mkdir(dirname(join(staging, relative)), { recursive: true });
  await writeFile(join(staging, relative), text);
}

/** The named columns of a CSV (matched ignoring case and surrounding spaces), in the given order. */
export function selectColumns(text: string, columns: readonly string[], source: string): string {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !names.includes(c.trim().toLowerCase()));
  if (missing.length > 0) {
    throw new LayoutError(
      `${source}: has no column "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}: not the release the register names, or the publisher changed the file`,
    );
  }
  const indexes = columns.map((c) => names.indexOf(c.trim().toLowerCase()));
  return stringify([columns, ...rows.map((row) => indexes.map((i) => row[i] ?? ''))]);
}

/** CSV text of rows, quoting only the fields that need it (RFC 4180). */
export function stringify(rows: readonly (readonly string[])[], newline = '\n'): string {
  const field = (text: string) =>
    /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  return rows.map((row) => row.map(field).join(',')).join(newline) + newline;
}

type Ring = number[][];

// Planar (lon/lat) area-weighted centroid by the shoelace formula, holes subtracted by their
// opposite winding: the method the shared mirror's centroid file was made with.
function centroidOf(polygons: Ring[][]): [number, number] | null {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0 = 0, y0 = 0] = ring[i] ?? [];
        const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
        const cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    }
  }
  if (area === 0) return null;
  return [cx / (3 * area), cy / (3 * area)];
}

// Rounded to 6 decimals and written as the shared mirror's file writes them (Python's shortest
// form: 0.07705, and -7.3e-05 below 0.0001), so the derived file is byte for byte the mirror's.
function sixPlaces(x: number): string {
  const rounded = Number(x.toFixed(6));
  if (rounded !== 0 && Math.abs(rounded) < 1e-4)
    return rounded.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(rounded);
}

interface LsoaFeature {
  properties?: Record<string, unknown>;
  geometry?: { type?: string; coordinates?: unknown };
}

/** One row (code, name, authority, lon, lat) per LSOA polygon of one authority's file. */
export function centroidRows(
  json: unknown,
  lad: string,
  codeProperty: string,
  nameProperty: string,
  source: string,
): string[][] {
  const features = (json as { features?: LsoaFeature[] }).features;
  if (!Array.isArray(features)) throw new LayoutError(`${source}: not a GeoJSON FeatureCollection`);
  return features.map((feature, i) => {
    const code = feature.properties?.[codeProperty];
    const name = feature.properties?.[nameProperty];
    const { type, coordinates } = feature.geometry ?? {};
    const polygons =
      type === 'Polygon'
        ? [coordinates as Ring[]]
        : type === 'MultiPolygon'
          ? (coordinates as Ring[][])
          : null;
    const centre = polygons ? centroidOf(polygons) : null;
    if (typeof code !== 'string' || typeof name !== 'string' || !centre) {
      throw new LayoutError(
        `${source}: feature ${i} needs ${codeProperty}, ${nameProperty} and a polygon (another release's file?)`,
      );
    }
    return [code, name, lad, sixPlaces(centre[0]), sixPlaces(centre[1])];
  });
}

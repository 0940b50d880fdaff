// The "new workshop" form as plain data: what the officer filled in, the checks made before
// sending (each message says what to do), the body POST /api/workshops takes, and where an
// error the API names (`field: "body.title"`) belongs on the form.
import { DEFAULT_THEMES, MODERATION_MODES, type ModerationMode } from '@thrive/participation';
import type { NewWorkshopBody } from '#lib/api.ts';
import { asGeometry, type Geometry } from './area-shape.ts';

/** How the workshop's area is given. */
export type AreaMode = 'choose' | 'upload' | 'draw';
export type LonLat = [number, number];

export interface NamedPlace {
  name: string;
  lon: number;
  lat: number;
}

export interface WorkshopForm {
  title: string;
  startsOn: string;
  endsOn: string;
  areaMode: AreaMode;
  areaCode: string;
  /** A boundary file read in the browser (parsed JSON), with the file's name. */
  uploaded: { fileName: string; boundary: NewWorkshopBody['boundary'] } | null;
  drawn: LonLat[];
  estateName: string;
  themes: string[];
  places: NamedPlace[];
  moderation: ModerationMode;
}

/** The parts of the form an error can point at (each has an element with id `ws-<key>`). */
export const FORM_FIELDS = [
  'title',
  'startsOn',
  'endsOn',
  'area',
  'estateName',
  'themes',
  'places',
  'moderation',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormErrors = Partial<Record<FormField, string>>;

/** At least this many corners make a drawn area. */
export const MIN_CORNERS = 3;

/** A fresh form: the default themes, published at once after masking. */
export function emptyForm(): WorkshopForm {
  return {
    title: '',
    startsOn: '',
    endsOn: '',
    areaMode: 'choose',
    areaCode: '',
    uploaded: null,
    drawn: [],
    estateName: '',
    themes: [...DEFAULT_THEMES],
    places: [],
    moderation: MODERATION_MODES[0],
  };
}

/** Problems to fix before sending, each said as what to do. */
export function checkForm(form: WorkshopForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.title.trim()) errors.title = 'Enter a title for the workshop';
  if (form.startsOn && form.endsOn && form.endsOn < form.startsOn)
    errors.endsOn = 'The end date must be the same as or after the start date';
  if (form.areaMode === 'choose' && !form.areaCode)
    errors.area = 'Choose the ward or LSOA the workshop covers';
  if (form.areaMode === 'upload' && !form.uploaded)
    errors.area = 'Choose a GeoJSON file with the estate boundary';
  if (form.areaMode === 'draw' && form.drawn.length < MIN_CORNERS)
    errors.area = `Click at least ${MIN_CORNERS} corners of the estate on the map`;
  const themes = form.themes.map((t) => t.trim());
  if (themes.filter(Boolean).length === 0) errors.themes = 'Keep at least one theme';
  else if (themes.some((t) => !t)) errors.themes = 'Give every theme a name, or remove it';
  if (form.places.some((p) => !p.name.trim())) errors.places = 'Give every place a name';
  return errors;
}

/** The drawn corners as a closed GeoJSON polygon. */
export function drawnPolygon(points: readonly LonLat[]) {
  const ring = points.map(([lon, lat]) => [lon, lat]);
  const first = ring[0];
  return { type: 'Polygon' as const, coordinates: [first ? [...ring, first] : ring] };
}

/** The body for POST /api/workshops (exactly one of areaCode and boundary). */
export function workshopBody(form: WorkshopForm): NewWorkshopBody {
  const area =
    form.areaMode === 'choose'
      ? { areaCode: form.areaCode }
      : {
          boundary: form.areaMode === 'upload' ? form.uploaded?.boundary : drawnPolygon(form.drawn),
          ...(form.estateName.trim() ? { estateName: form.estateName.trim() } : {}),
        };
  return {
    title: form.title.trim(),
    ...area,
    themes: form.themes.map((t) => t.trim()).filter(Boolean),
    places: form.places.map((p) => ({ name: p.name.trim(), lon: p.lon, lat: p.lat })),
    moderation: form.moderation,
    ...(form.startsOn ? { startsOn: form.startsOn } : {}),
    ...(form.endsOn ? { endsOn: form.endsOn } : {}),
  };
}

/** Where an API error belongs: `body.places.0.lon` → places; unknown → null (summary only). */
export function fieldOf(apiField: string | undefined): FormField | null {
  const key = apiField?.replace(/^body\.?/, '').split('.')[0];
  if (key === 'areaCode' || key === 'boundary') return 'area';
  return (FORM_FIELDS as readonly string[]).includes(key ?? '') ? (key as FormField) : null;
}

type Boundary = NonNullable<NewWorkshopBody['boundary']>;
const BOUNDARY_TYPES = ['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection'];

/** A boundary file's text as the API takes it, or the problem with it in words. */
export function readBoundary(text: string): { boundary: Boundary } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'The file is not GeoJSON: it could not be read as JSON' };
  }
  const type = (parsed as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !BOUNDARY_TYPES.includes(type))
    return {
      problem: 'The file must hold one polygon (a GeoJSON Polygon, MultiPolygon or Feature)',
    };
  if (!boundaryGeometry(parsed as Boundary))
    return { problem: 'The file must hold exactly one polygon or multipolygon' };
  return { boundary: parsed as Boundary };
}

/** The polygon inside a boundary (a geometry, a Feature, or a collection of one feature). */
export function boundaryGeometry(boundary: Boundary): Geometry | null {
  const b = boundary as { type: string; geometry?: unknown; features?: unknown };
  if (b.type === 'Feature') return asGeometry(b.geometry);
  if (b.type === 'FeatureCollection')
    return Array.isArray(b.features) && b.features.length === 1
      ? asGeometry((b.features[0] as { geometry?: unknown }).geometry)
      : null;
  return asGeometry(boundary);
}

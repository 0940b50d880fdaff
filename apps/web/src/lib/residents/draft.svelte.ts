// The pin a resident is making, shared by the map (where they tap) and the form (everything
// else), and its check before it is kept: each problem names the field it belongs to, for the
// error summary's links (the GOV.UK pattern).
import type { PinKind } from '@thrive/participation';
import type { NewPinBody } from '#lib/api.ts';
import { messages as m } from '#lib/messages/index.ts';

/** Longest text a pin may have (the server refuses more). */
export const MAX_TEXT = 500;

/** How the resident says where: tapping the map, their location, or a place from a list. */
export type WhereWay = 'map' | 'here' | 'place';
/** The list's choice for "somewhere else on the estate". */
export const ELSEWHERE = 'elsewhere';

/** Id of each field's input, for the summary's links and focus. */
export const FIELD_IDS = {
  kind: 'pin-kind-issue',
  theme: 'pin-theme',
  text: 'pin-text',
  where: 'pin-where-map',
  map: 'pin-map-problem',
  place: 'pin-place',
  /** A refusal that belongs to no one field. */
  form: 'pin-form-heading',
} as const;
export type Field = keyof typeof FIELD_IDS;

export interface Problem {
  field: Field;
  text: string;
}

export class PinDraft {
  kind = $state<PinKind | ''>('');
  theme = $state('');
  text = $state('');
  where = $state<WhereWay | ''>('');
  point = $state<{ lon: number; lat: number } | null>(null);
  /** A place's id, ELSEWHERE, or '' (none chosen). */
  place = $state('');
  photo = $state<Blob | null>(null);
  problems = $state<Problem[]>([]);

  /** A tap on the map: the pin goes there. */
  tapped(point: { lon: number; lat: number }): void {
    this.where = 'map';
    this.point = point;
    this.problems = this.problems.filter((p) => p.field !== 'map' && p.field !== 'where');
  }

  /** What is missing or wrong, in the order of the form. */
  check(): Problem[] {
    const problems: Problem[] = [];
    if (!this.kind) problems.push({ field: 'kind', text: m.errorKind });
    if (!this.theme) problems.push({ field: 'theme', text: m.errorTheme });
    const text = this.text.trim();
    if (!text) problems.push({ field: 'text', text: m.errorText });
    else if (text.length > MAX_TEXT)
      problems.push({ field: 'text', text: m.errorTextLong(MAX_TEXT) });
    if (!this.where) problems.push({ field: 'where', text: m.errorWhere });
    else if ((this.where === 'map' || this.where === 'here') && !this.point)
      problems.push({ field: 'map', text: m.errorMapPoint });
    else if (this.where === 'place' && !this.place)
      problems.push({ field: 'place', text: m.errorPlace });
    return problems;
  }

  /** The pin to send, with a new id made on this device (call only when check() is empty). */
  toPin(id: string): NewPinBody {
    const pin: NewPinBody = {
      id,
      kind: this.kind || 'issue',
      theme: this.theme,
      text: this.text.trim(),
    };
    if ((this.where === 'map' || this.where === 'here') && this.point) {
      pin.lon = this.point.lon;
      pin.lat = this.point.lat;
    } else if (this.where === 'place' && this.place !== ELSEWHERE) pin.placeId = this.place;
    return pin;
  }

  /** Empties the form for the next pin. */
  clear(): void {
    this.kind = '';
    this.theme = '';
    this.text = '';
    this.where = '';
    this.point = null;
    this.place = '';
    this.photo = null;
    this.problems = [];
  }
}

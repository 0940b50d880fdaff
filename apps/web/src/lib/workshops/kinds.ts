// How each kind of pin reads where officers and the wall see it: the shape and colour of
// lib/map/pin-shapes.ts and a word, so colour is never the only signal.
import { PIN_KINDS, type PinKind } from '@thrive/participation';
import { PIN_SHAPES, pinImage } from '#lib/map/pin-shapes.ts';

export interface KindStyle {
  /** The word shown beside the shape. */
  label: string;
  /** Said by screen readers and on the wall: what the kind means. */
  meaning: string;
  colour: string;
  /** SVG path in a 24 × 24 box. */
  path: string;
}

const style = (kind: PinKind, label: string, meaning: string): KindStyle => ({
  label,
  meaning,
  colour: PIN_SHAPES[kind].fill,
  path: PIN_SHAPES[kind].path,
});

export const KIND_STYLES: Record<PinKind, KindStyle> = {
  issue: style('issue', 'Issue', 'something to fix'),
  aspiration: style('aspiration', 'Aspiration', 'how I would like it to be'),
  asset: style('asset', 'Asset', 'what is good here'),
};

/** The kinds in their usual order. */
export const KINDS: readonly PinKind[] = PIN_KINDS;

/** A kind's style; an unknown kind (a newer server) reads as an issue-less grey circle. */
export function kindStyle(kind: string): KindStyle {
  return (
    (KIND_STYLES as Record<string, KindStyle | undefined>)[kind] ?? {
      label: kind,
      meaning: kind,
      colour: '#5C5C66',
      path: PIN_SHAPES.asset.path,
    }
  );
}

/** The MapLibre image id of a kind's icon. */
export const kindIcon = pinImage;

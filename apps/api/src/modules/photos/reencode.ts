// A resident's photo is never stored as sent: it is decoded and written afresh as a JPEG, so
// nothing of the original file survives but its pixels. EXIF (with any GPS position), XMP, IPTC
// and ICC data are dropped (sharp keeps none unless asked with keepMetadata/withMetadata), after
// the EXIF orientation has been applied to the pixels so the photo still stands the right way.
// docs/decisions/0017-photo-reencoding.md.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { BadRequestError } from '../../errors.ts';
import { NotAPhotoTypeError } from './errors.ts';

/** The longest side a stored photo may have, in pixels. */
export const PHOTO_MAX_SIDE = 1600;

// A decompression bomb (a small file that decodes to billions of pixels) is refused before it
// is decoded; 100 megapixels is more than any phone camera's photo.
const MAX_INPUT_PIXELS = 100_000_000;
const FORMATS_TAKEN = new Set(['jpeg', 'png', 'webp']);

export interface ReencodedPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The SHA-256 (hex) of bytes as sent: tells a re-sent photo (same) from a different one. */
export function photoHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes a JPEG, PNG or WebP and re-encodes it as a metadata-free JPEG of at most 1600 px a side. */
export async function reencodePhoto(input: Uint8Array): Promise<ReencodedPhoto> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw new BadRequestError('That file is not a photo we can read.');
  }
  if (!format || !FORMATS_TAKEN.has(format))
    throw new NotAPhotoTypeError('Send the photo as a JPEG, PNG or WebP image.');
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize({
        width: PHOTO_MAX_SIDE,
        height: PHOTO_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw new BadRequestError(
      'That photo could not be read; it may be damaged or too large in pixels.',
    );
  }
}

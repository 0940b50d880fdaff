// Photos are made smaller on the device before they are kept or sent: less data on a cheap
// phone plan, and drawing onto a canvas and saving a new JPEG leaves the original's EXIF
// behind (camera details and, above all, GPS position). The server strips again regardless.

/** The longest side of a sent photo, in pixels. */
export const PHOTO_MAX_SIDE = 1600;

/** The size to draw a width × height image so its longest side is at most `max`. */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** A JPEG of the photo at most PHOTO_MAX_SIDE on its longest side, with no metadata. */
export async function shrinkPhoto(file: Blob, quality = 0.85): Promise<Blob> {
  // The browser turns the picture upright from its EXIF orientation before drawing.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))),
        'image/jpeg',
        quality,
      ),
    );
  } finally {
    bitmap.close();
  }
}

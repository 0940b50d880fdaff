// Pin photos over the API, on both engines: a real JPEG carrying EXIF with a GPS position goes
// in, and what comes out has no EXIF at all; the author alone adds one, once.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import {
  addParticipant,
  addPin,
  addWorkshop,
  ensureEstate,
  type TestParticipant,
} from '../../test-support/workshop-rows.ts';
import { PHOTO_MAX_BYTES } from './schemas.ts';

const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '51/1 45/1 1234/100',
  GPSLongitudeRef: 'W',
  GPSLongitude: '0/1 28/1 0/1',
};

/** A camera-like JPEG, 2400×1200 as stored, to be shown turned a quarter (EXIF orientation 6), with a GPS position. */
async function phoneJpeg(colour = { r: 200, g: 30, b: 30 }): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1200, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Phone 1' }, IFD3: GPS })
    .toBuffer();
}

/** Whether the bytes hold an EXIF APP1 segment ("Exif\0\0") anywhere. */
const hasExifSegment = (bytes: Buffer) => bytes.includes(Buffer.from('Exif\0\0', 'latin1'));

describe.each(testEngines())('pin photos on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let workshop: { id: string; code: string };
  let author: TestParticipant;
  let neighbour: TestParticipant;
  let officerCookie: string;
  let photo: Buffer;

  const put = (
    pinId: string,
    body: Buffer,
    cookie: string,
    type = 'image/jpeg',
    ref = workshop.code,
  ) =>
    app.inject({
      method: 'PUT',
      url: `/api/workshops/${ref}/pins/${pinId}/photo`,
      headers: { cookie, 'content-type': type },
      payload: body,
    });
  const pinOf = (
    who: TestParticipant,
    moderation: 'published' | 'pending' | 'hidden' = 'published',
  ) => addPin(t.db, { workshopId: workshop.id, participantId: who.id, moderation });

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    workshop = await addWorkshop(t.db, await ensureEstate(t.db));
    author = await addParticipant(t.db, workshop.id);
    neighbour = await addParticipant(t.db, workshop.id);
    await addAccount(t.db, 'officer');
    officerCookie = await signInAs(app, 'officer@example.org');
    photo = await phoneJpeg();
  });
  afterAll(() => app?.close());

  it('starts from a photo that really carries EXIF and GPS', async () => {
    const meta = await sharp(photo).metadata();
    expect(hasExifSegment(photo)).toBe(true);
    expect(meta.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer tag
    expect(meta.orientation).toBe(6);
  });

  it('stores the photo re-encoded: no EXIF, no GPS, turned upright, at most 1600 px', async () => {
    const pinId = await pinOf(author);
    const response = await put(pinId, photo, author.cookie);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      pinId,
      mime: 'image/jpeg',
      width: 800,
      height: 1600,
      url: `/api/pins/${pinId}/photo`,
    });

    const stored = await app.inject({ method: 'GET', url: `/api/pins/${pinId}/photo` });
    expect(stored.statusCode).toBe(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const bytes = stored.rawPayload;
    expect(response.json<{ bytes: number }>().bytes).toBe(bytes.length);
    expect(hasExifSegment(bytes)).toBe(false);
    expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 800, 1600]);
  });

  it('answers 200 with the stored photo when the same bytes come again, and 409 for others', async () => {
    const pinId = await pinOf(author);
    expect((await put(pinId, photo, author.cookie)).statusCode).toBe(201);
    const again = await put(pinId, photo, author.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ pinId, width: 800, height: 1600 });
    const other = await put(pinId, await phoneJpeg({ r: 0, g: 90, b: 200 }), author.cookie);
    expect(other.statusCode).toBe(409);
    expect(other.json<{ message: string }>().message).toBe(
      'This pin already has a different photo.',
    );
  });

  it('stores one photo when two uploads of the same pin race', async () => {
    const pinId = await pinOf(author);
    const [a, b] = await Promise.all([
      put(pinId, photo, author.cookie),
      put(pinId, photo, author.cookie),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const rows = await t.db.db
      .selectFrom('photo')
      .select('pin_id')
      .where('pin_id', '=', pinId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('takes PNG and WebP and stores them as JPEG', async () => {
    for (const [type, image] of [
      [
        'image/png',
        await sharp({
          create: {
            width: 40,
            height: 30,
            channels: 4,
            background: { r: 0, g: 0, b: 0, alpha: 0 },
          },
        })
          .png()
          .toBuffer(),
      ],
      [
        'image/webp',
        await sharp({ create: { width: 40, height: 30, channels: 3, background: 'green' } })
          .webp()
          .toBuffer(),
      ],
    ] as const) {
      const pinId = await pinOf(author);
      const response = await put(pinId, image, author.cookie, type);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ mime: 'image/jpeg', width: 40, height: 30 });
    }
  });

  it('refuses a photo over 8 MB with 413 and a JSON message', async () => {
    const pinId = await pinOf(author);
    const response = await put(pinId, Buffer.alloc(PHOTO_MAX_BYTES + 1, 0xff), author.cookie);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'That photo is too big: the most we take is 8 MB.',
    });
  });

  it('refuses what is not a photo: 415 for other types, 400 for bytes that do not decode', async () => {
    const pinId = await pinOf(author);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .gif()
      .toBuffer();
    expect((await put(pinId, gif, author.cookie, 'image/jpeg')).statusCode).toBe(415);
    expect(
      (await put(pinId, Buffer.from('not a photo'), author.cookie, 'text/plain')).statusCode,
    ).toBe(415);
    const json = await app.inject({
      method: 'PUT',
      url: `/api/workshops/${workshop.code}/pins/${pinId}/photo`,
      headers: { cookie: author.cookie },
      payload: { photo: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const broken = await put(
      pinId,
      Buffer.from('\xff\xd8\xff\xe0 this is not really a jpeg', 'latin1'),
      author.cookie,
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ message: string }>().message).toMatch(
      /not a photo we can read|could not be read/,
    );
    expect(
      await t.db.db
        .selectFrom('photo')
        .select('pin_id')
        .where('pin_id', '=', pinId)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("refuses another participant's photo for someone else's pin (403), and other workshops' participants", async () => {
    const pinId = await pinOf(author);
    const response = await put(pinId, photo, neighbour.cookie);
    expect(response.statusCode).toBe(403);
    expect(response.json<{ message: string }>().message).toBe(
      'Only the person who made a pin can add its photo.',
    );

    const elsewhere = await addWorkshop(t.db, await ensureEstate(t.db));
    const stranger = await addParticipant(t.db, elsewhere.id);
    expect((await put(pinId, photo, stranger.cookie)).statusCode).toBe(403);
    expect(
      (await put(pinId, photo, stranger.cookie, 'image/jpeg', elsewhere.code)).statusCode,
    ).toBe(404);
  });

  it('answers 401 to someone not taking part and 403 to an officer', async () => {
    const pinId = await pinOf(author);
    expect((await put(pinId, photo, '')).statusCode).toBe(401);
    expect((await put(pinId, photo, officerCookie)).statusCode).toBe(403);
  });

  it('shows the photo of a published pin to anyone, of another only to officers and its author', async () => {
    const pinId = await pinOf(author, 'pending');
    expect((await put(pinId, photo, author.cookie)).statusCode).toBe(201);
    const get = (cookie?: string) =>
      app.inject({
        method: 'GET',
        url: `/api/pins/${pinId}/photo`,
        headers: cookie ? { cookie } : {},
      });

    expect((await get()).statusCode).toBe(404);
    expect((await get(neighbour.cookie)).statusCode).toBe(404);
    const officer = await get(officerCookie);
    expect(officer.statusCode).toBe(200);
    expect(officer.headers['cache-control']).toBe('private, no-cache');
    expect((await get(author.cookie)).statusCode).toBe(200);

    await t.db.db
      .updateTable('pin')
      .set({ moderation: 'published' })
      .where('id', '=', pinId)
      .execute();
    const open = await get();
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(open.headers.etag);
    const revalidated = await app.inject({
      method: 'GET',
      url: `/api/pins/${pinId}/photo`,
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');

    await t.db.db
      .updateTable('pin')
      .set({ moderation: 'hidden' })
      .where('id', '=', pinId)
      .execute();
    expect((await get()).statusCode).toBe(404);
    expect((await get(officerCookie)).statusCode).toBe(200);
  });

  it('answers 404 for a pin with no photo', async () => {
    const pinId = await pinOf(author);
    expect((await app.inject({ method: 'GET', url: `/api/pins/${pinId}/photo` })).statusCode).toBe(
      404,
    );
  });
});

// Residents' pins through the API on both engines: stored exactly once however often they are
// sent, placed inside the workshop's area, masked before anyone else sees them, supported,
// moderated, answered, and limited per participant rather than per address.
import { randomUUID } from 'node:crypto';
import { testEngines } from '@thrive/db/testing';
import { maskForPublication } from '@thrive/participation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  createWorkshop,
  INSIDE_WARD_ONLY,
  joinAs,
  newPin,
  OUTSIDE_WARD,
  workshopApp,
  type WorkshopTestApp,
} from '../../test-support/workshops.ts';

describe.each(testEngines())('pins on $name', (engine) => {
  let t: WorkshopTestApp;

  beforeAll(async () => {
    t = await workshopApp(engine);
  });
  afterAll(() => t?.app.close());

  const post = (code: string, cookie: string, pin: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/workshops/${code}/pins`,
      headers: { cookie },
      payload: pin,
    });
  const publicPins = async (code: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/workshops/${code}/pins` })).json();
  const moderate = (id: string, moderation: string, reason = 'Names a neighbour') =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/pins/${id}`,
      headers: { cookie: t.officer },
      payload: { moderation, reason },
    });
  const rowsWithId = async (id: string) =>
    (await t.db.db.selectFrom('pin').select('id').where('id', '=', id).execute()).length;

  async function joined(body: Record<string, unknown> = {}) {
    const workshop = await createWorkshop(t, body);
    return { workshop, cookie: await joinAs(t.app, workshop.code) };
  }

  it('stores a new pin (201), answers the same pin sent again with the stored pin (200) and other content under its id with 409', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin({ theme: 'Safety' });
    const first = await post(workshop.code, cookie, pin);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: pin.id,
      kind: 'issue',
      theme: 'safety',
      text: 'The underpass lights are out.',
      moderation: 'published',
      support: 0,
      response: null,
      hasPhoto: false,
    });
    const again = await post(workshop.code, cookie, {
      ...pin,
      text: '  The underpass lights are out. ',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await post(workshop.code, cookie, { ...pin, text: 'Something else entirely' });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toMatch(/different pin/);
    expect(await rowsWithId(pin.id)).toBe(1);
  });

  it('stores exactly one row when 40 copies of one pin arrive at once', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => post(workshop.code, cookie, pin)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(39);
    expect(await rowsWithId(pin.id)).toBe(1);
    const events = await t.db.db
      .selectFrom('workshop_event')
      .select('type')
      .where('pin_id', '=', pin.id)
      .execute();
    expect(events).toEqual([{ type: 'pin' }]);
  });

  it('assigns the ward and LSOA a point falls in, from the loaded areas', async () => {
    const { workshop, cookie } = await joined();
    const inBoth = newPin();
    const wardOnly = newPin(INSIDE_WARD_ONLY);
    await post(workshop.code, cookie, inBoth);
    await post(workshop.code, cookie, wardOnly);
    const all = (
      await t.app.inject({
        method: 'GET',
        url: `/api/workshops/${workshop.id}/pins/all`,
        headers: { cookie: t.officer },
      })
    ).json().pins;
    expect(all.find((p: { id: string }) => p.id === inBoth.id)).toMatchObject({
      wardCode: AREAS.ward.code,
      lsoaCode: AREAS.lsoa.code,
    });
    expect(all.find((p: { id: string }) => p.id === wardOnly.id)).toMatchObject({
      wardCode: AREAS.ward.code,
      lsoaCode: null,
    });
  });

  it('refuses a point outside the workshop area with 422 and a message naming the area', async () => {
    const { workshop, cookie } = await joined();
    const response = await post(workshop.code, cookie, newPin(OUTSIDE_WARD));
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/outside the Meadow Ward area/);
  });

  it("places a pin at a named place's position, or nowhere in particular when given neither", async () => {
    const { workshop, cookie } = await joined({
      places: [{ name: 'the community centre', lon: 0.12, lat: 51.12 }],
    });
    const atPlace = await post(
      workshop.code,
      cookie,
      newPin({ lon: undefined, lat: undefined, placeId: workshop.places[0]!.id }),
    );
    expect(atPlace.statusCode).toBe(201);
    expect(atPlace.json()).toMatchObject({
      lon: 0.12,
      lat: 51.12,
      placeName: 'the community centre',
    });
    const nowhere = await post(workshop.code, cookie, newPin({ lon: undefined, lat: undefined }));
    expect(nowhere.statusCode).toBe(201);
    expect(nowhere.json()).toMatchObject({ lon: null, lat: null, placeId: null });
    const features = (await publicPins(workshop.code)).features;
    expect(features.find((f: { id: string }) => f.id === nowhere.json().id).geometry).toBeNull();
  });

  it.each([
    ['empty text', { text: '   ' }, 'body.text'],
    ['text over 500 characters', { text: 'a'.repeat(501) }, 'body.text'],
    ['a theme the workshop does not have', { theme: 'parking' }, 'body.theme'],
    ['a longitude without a latitude', { lat: undefined }, 'body.lat'],
    [
      'a place of no workshop',
      { lon: undefined, lat: undefined, placeId: randomUUID() },
      'body.placeId',
    ],
  ])('refuses %s (400 naming the field)', async (_what, overrides, field) => {
    const { workshop, cookie } = await joined();
    const response = await post(workshop.code, cookie, newPin(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field });
  });

  it('accepts exactly 500 characters after trimming', async () => {
    const { workshop, cookie } = await joined();
    expect(
      (await post(workshop.code, cookie, newPin({ text: ` ${'é'.repeat(500)} ` }))).statusCode,
    ).toBe(201);
  });

  it('refuses new pins and "me too" in a closed workshop (409) but still answers 200 for a pin stored before it closed', async () => {
    const { workshop, cookie } = await joined();
    const stored = newPin();
    await post(workshop.code, cookie, stored);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/workshops/${workshop.id}`,
      headers: { cookie: t.officer },
      payload: { status: 'closed' },
    });
    expect((await post(workshop.code, cookie, newPin())).statusCode).toBe(409);
    expect((await post(workshop.code, cookie, stored)).statusCode).toBe(200);
    const support = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/pins/${stored.id}/support`,
      headers: { cookie },
    });
    expect(support.statusCode).toBe(409);
  });

  it('masks contact details before anyone else sees them; officers still see the original', async () => {
    const { workshop, cookie } = await joined();
    const text = 'Fly-tipping again, ring me on 07700 900123 or mail jo@example.org';
    const expected = maskForPublication(text);
    expect(expected.text).not.toContain('07700 900123');
    const pin = newPin({ text });
    const answer = await post(workshop.code, cookie, pin);
    expect(answer.json()).toMatchObject({ text: expected.text, masked: [...expected.masked] });
    const publicBody = JSON.stringify(await publicPins(workshop.code));
    expect(publicBody).toContain(JSON.stringify(expected.text));
    expect(publicBody).not.toContain('900123');
    expect(publicBody).not.toContain('jo@example.org');
    const all = (
      await t.app.inject({
        method: 'GET',
        url: `/api/workshops/${workshop.id}/pins/all`,
        headers: { cookie: t.officer },
      })
    ).json().pins;
    expect(all[0]).toMatchObject({ originalText: text, text: expected.text });
  });

  it('refuses a participant of one workshop posting to another (403), an anonymous caller (401) and a signed-in officer (403)', async () => {
    const { cookie } = await joined();
    const other = await createWorkshop(t);
    const pin = newPin();
    expect((await post(other.code, cookie, pin)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/workshops/${other.code}/pins`,
          payload: pin,
        })
      ).statusCode,
    ).toBe(401);
    expect((await post(other.code, t.officer, pin)).statusCode).toBe(403);
    expect(await rowsWithId(pin.id)).toBe(0);
  });

  it('counts "me too" once per participant, 404 for unknown or hidden pins, 403 for another workshop\'s participant', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    await post(workshop.code, cookie, pin);
    const neighbour = await joinAs(t.app, workshop.code);
    const support = (who: string, id = pin.id) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workshops/${workshop.code}/pins/${id}/support`,
        headers: { cookie: who },
      });
    const first = await support(neighbour);
    expect([first.statusCode, first.json()]).toEqual([201, { pinId: pin.id, support: 1 }]);
    const repeat = await support(neighbour);
    expect([repeat.statusCode, repeat.json()]).toEqual([200, { pinId: pin.id, support: 1 }]);
    expect((await support(cookie)).json().support).toBe(2);
    expect((await support(neighbour, randomUUID())).statusCode).toBe(404);
    const outsider = await joinAs(t.app, (await createWorkshop(t)).code);
    expect((await support(outsider)).statusCode).toBe(403);
    await moderate(pin.id, 'hidden');
    expect((await support(await joinAs(t.app, workshop.code))).statusCode).toBe(404);
    const me = (
      await t.app.inject({
        method: 'GET',
        url: `/api/workshops/${workshop.code}/me`,
        headers: { cookie: neighbour },
      })
    ).json();
    expect(me.supported).toEqual([pin.id]);
  });

  it('hides a pin with a reason (audited): it leaves the public pins, a retry of it stays hidden, restoring brings it back', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    await post(workshop.code, cookie, pin);
    const hidden = await moderate(pin.id, 'hidden');
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({
      id: pin.id,
      moderation: 'hidden',
      moderationReason: 'Names a neighbour',
    });
    expect((await publicPins(workshop.code)).features).toEqual([]);
    const retry = await post(workshop.code, cookie, pin);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().moderation).toBe('hidden');
    expect((await publicPins(workshop.code)).features).toEqual([]);
    const me = (
      await t.app.inject({
        method: 'GET',
        url: `/api/workshops/${workshop.code}/me`,
        headers: { cookie },
      })
    ).json();
    expect(me.pins).toMatchObject([{ id: pin.id, moderation: 'hidden' }]);
    await moderate(pin.id, 'published', 'Checked with the resident');
    expect((await publicPins(workshop.code)).features.map((f: { id: string }) => f.id)).toEqual([
      pin.id,
    ]);
    const audit = await t.db.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'pin.moderate')
      .where('target', '=', `pin:${pin.id}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.details)).toMatchObject([
      { from: 'published', to: 'hidden' },
      { from: 'hidden', to: 'published' },
    ]);
    const events = await t.db.db
      .selectFrom('workshop_event')
      .select('type')
      .where('pin_id', '=', pin.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['pin', 'hidden', 'published']);
    expect((await moderate(pin.id, 'hidden', ' ')).statusCode).toBe(400);
  });

  it('keeps pins waiting for a moderator in pre-moderation: the author sees "pending", the public nothing until approved', async () => {
    const { workshop, cookie } = await joined({ moderation: 'pre' });
    const pin = newPin();
    const answer = await post(workshop.code, cookie, pin);
    expect(answer.json().moderation).toBe('pending');
    expect((await publicPins(workshop.code)).features).toEqual([]);
    await moderate(pin.id, 'published', 'Fine');
    expect((await publicPins(workshop.code)).features).toHaveLength(1);
  });

  it('never stores again a pin an officer removed: a late retry is refused (409)', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    await post(workshop.code, cookie, pin);
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/pins/${pin.id}`,
      headers: { cookie: t.officer },
      payload: { reason: 'Duplicate of another pin' },
    });
    expect(removal.statusCode).toBe(204);
    const retry = await post(workshop.code, cookie, pin);
    expect(retry.statusCode).toBe(409);
    expect(retry.json().message).toMatch(/removed/);
    expect(await rowsWithId(pin.id)).toBe(0);
  });

  it('records "you said, we did" replies with their history; planned work needs a date', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    await post(workshop.code, cookie, pin);
    const respond = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/pins/${pin.id}/responses`,
        headers: { cookie: t.officer },
        payload,
      });
    const noDate = await respond({ status: 'planned', reply: 'New lights are ordered.' });
    expect([noDate.statusCode, noDate.json().field]).toEqual([400, 'body.expectedBy']);
    const heard = await respond({ status: 'heard', reply: 'Thank you, we have passed this on.' });
    expect(heard.statusCode).toBe(201);
    const planned = await respond({
      status: 'planned',
      reply: 'New lights are ordered.',
      expectedBy: '2026-09-30',
    });
    expect(planned.json()).toMatchObject({
      pinId: pin.id,
      status: 'planned',
      expectedBy: '2026-09-30',
    });
    const history = (
      await t.app.inject({ method: 'GET', url: `/api/pins/${pin.id}/responses` })
    ).json();
    expect(history.responses.map((r: { status: string }) => r.status)).toEqual([
      'heard',
      'planned',
    ]);
    const [feature] = (await publicPins(workshop.code)).features;
    expect(feature.properties.response).toMatchObject({
      status: 'planned',
      reply: 'New lights are ordered.',
      expectedBy: '2026-09-30',
    });
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/workshops/${workshop.code}/responses` })
    ).json();
    expect(list.features.map((f: { id: string }) => f.id)).toEqual([pin.id]);
  });

  it('hides the replies of a hidden pin from the public but not from officers', async () => {
    const { workshop, cookie } = await joined();
    const pin = newPin();
    await post(workshop.code, cookie, pin);
    await moderate(pin.id, 'hidden');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/pins/${pin.id}/responses` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/pins/${pin.id}/responses`,
          headers: { cookie: t.officer },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe.each(testEngines())('resident rate limits on $name', (engine) => {
  let t: WorkshopTestApp;

  beforeAll(async () => {
    t = await workshopApp(engine, { residentLimits: { perParticipantPerMinute: 3 } });
  });
  afterAll(() => t?.app.close());

  // One community-centre router: every resident comes from the same (non-loopback) address.
  const ROUTER = '203.0.113.10';

  it('limits each participant, not the address they share: a fourth pin in a minute is 429 for one resident only', async () => {
    const workshop = await createWorkshop(t);
    const join = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/workshops/${workshop.code}/join`,
        remoteAddress: ROUTER,
      });
    const cookieOf = (response: Awaited<ReturnType<typeof join>>) =>
      `thrive_participant=${response.cookies.find((c) => c.name === 'thrive_participant')!.value}`;
    const busy = cookieOf(await join());
    const post = (cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workshops/${workshop.code}/pins`,
        headers: { cookie },
        payload: newPin(),
        remoteAddress: ROUTER,
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(busy)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const neighbours = await Promise.all(
      Array.from({ length: 5 }, async () => cookieOf(await join())),
    );
    for (const neighbour of neighbours) expect((await post(neighbour)).statusCode).toBe(201);
  });
});

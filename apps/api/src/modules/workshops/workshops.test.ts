// Workshops through the API on both engines: officers create them on a loaded area or on an
// uploaded estate boundary, edit and close them; residents see them by code, join with one tap
// (an httpOnly cookie), answer "about you" and leave.
import { testEngines } from '@thrive/db/testing';
import {
  AGE_BANDS,
  DEFAULT_THEMES,
  JOIN_CODE_ALPHABET,
  PREFER_NOT_TO_SAY,
} from '@thrive/participation';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  createWorkshop,
  ESTATE_BOUNDARY,
  joinAs,
  participantCookie,
  workshopApp,
  type WorkshopTestApp,
} from '../../test-support/workshops.ts';

describe.each(testEngines())('workshops on $name', (engine) => {
  let t: WorkshopTestApp;

  beforeAll(async () => {
    t = await workshopApp(engine);
  });
  afterAll(() => t?.app.close());

  const asOfficer = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...options.headers, cookie: t.officer } });

  it('creates a workshop on a loaded area with the default themes and a join code without look-alike characters', async () => {
    const workshop = await createWorkshop(t);
    expect(workshop).toMatchObject({
      title: 'Meadow walkabout',
      status: 'open',
      moderation: 'post',
      themes: [...DEFAULT_THEMES],
      areaCode: AREAS.ward.code,
      areaName: 'Meadow Ward',
      areaLevel: 'ward',
      startsOn: null,
      joinUrl: `/w/${workshop.code}`,
      counts: { pins: 0, participants: 0 },
    });
    expect([...workshop.code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(workshop.code).toHaveLength(6);
    const audit = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'target'])
      .where('action', '=', 'workshop.create')
      .execute();
    expect(audit).toContainEqual({ action: 'workshop.create', target: `workshop:${workshop.id}` });
  });

  it('makes an uploaded boundary a new estate area under the ward that holds it, with its box filled', async () => {
    const workshop = await createWorkshop(t, {
      areaCode: undefined,
      boundary: ESTATE_BOUNDARY,
      estateName: 'Elm Estate',
      places: [{ name: 'the community centre', lon: 0.1, lat: 51.1 }],
    });
    expect(workshop.areaCode).toMatch(/^EST-[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    expect(workshop).toMatchObject({
      areaName: 'Elm Estate',
      areaLevel: 'estate',
      places: [{ name: 'the community centre', lon: 0.1, lat: 51.1 }],
    });
    const area = await t.db.db
      .selectFrom('area')
      .selectAll()
      .where('code', '=', String(workshop.areaCode))
      .executeTakeFirstOrThrow();
    expect(area).toMatchObject({
      level: 'estate',
      parent_code: AREAS.ward.code,
      minx: 0.05,
      miny: 51.05,
      maxx: 0.15,
      maxy: 51.15,
    });
  });

  it('puts an estate that lies in no ward under the authority', async () => {
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [0.7, 51.7],
          [0.9, 51.7],
          [0.9, 51.9],
          [0.7, 51.7],
        ],
      ],
    };
    const workshop = await createWorkshop(t, { areaCode: undefined, boundary, title: 'Hilltop' });
    const area = await t.db.db
      .selectFrom('area')
      .select(['name', 'parent_code'])
      .where('code', '=', String(workshop.areaCode))
      .executeTakeFirstOrThrow();
    expect(area).toEqual({ name: 'Hilltop', parent_code: AREAS.lad.code });
  });

  it.each([
    [
      'both an area code and a boundary',
      { areaCode: AREAS.ward.code, boundary: ESTATE_BOUNDARY },
      'body.areaCode',
    ],
    ['neither an area code nor a boundary', {}, 'body.areaCode'],
    ['an area that is not loaded', { areaCode: 'E05000000' }, 'body.areaCode'],
    [
      'a boundary in British National Grid metres',
      {
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [500000, 200000],
              [500100, 200000],
              [500100, 200100],
              [500000, 200000],
            ],
          ],
        },
      },
      'body.boundary',
    ],
    [
      'a collection of two boundaries',
      {
        boundary: {
          type: 'FeatureCollection',
          features: [ESTATE_BOUNDARY.features[0], ESTATE_BOUNDARY.features[0]],
        },
      },
      'body.boundary',
    ],
    [
      'an end before the start',
      { areaCode: AREAS.ward.code, startsOn: '2026-05-02', endsOn: '2026-05-01' },
      'body.endsOn',
    ],
    ['themes that are all blank', { areaCode: AREAS.ward.code, themes: ['  '] }, 'body.themes'],
  ])('refuses %s (400 naming the field)', async (_what, body, field) => {
    const response = await asOfficer({
      method: 'POST',
      url: '/api/workshops',
      payload: { title: 'No', ...body },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field });
  });

  it('lists workshops with counts and finds one by its id or by its code typed in any case', async () => {
    const workshop = await createWorkshop(t, { title: 'Listed' });
    const list = await asOfficer({ method: 'GET', url: '/api/workshops' });
    expect(list.statusCode).toBe(200);
    expect(list.json().workshops).toContainEqual(
      expect.objectContaining({ id: workshop.id, counts: { pins: 0, participants: 0 } }),
    );
    for (const ref of [
      workshop.id,
      workshop.code.toLowerCase(),
      `${workshop.code.slice(0, 3)}-${workshop.code.slice(3)}`,
    ]) {
      const one = await asOfficer({ method: 'GET', url: `/api/workshops/${ref}` });
      expect(one.json()).toMatchObject({ id: workshop.id, title: 'Listed' });
    }
    expect((await asOfficer({ method: 'GET', url: '/api/workshops/NOSUCH' })).statusCode).toBe(404);
  });

  it('changes status, themes and places, keeping the id of a place sent back with it', async () => {
    const workshop = await createWorkshop(t, {
      places: [
        { name: 'Block C', lon: 0.1, lat: 51.1 },
        { name: 'the underpass', lon: 0.2, lat: 51.2 },
      ],
    });
    const blockC = workshop.places.find((p) => p.name === 'Block C')!;
    const response = await asOfficer({
      method: 'PATCH',
      url: `/api/workshops/${workshop.id}`,
      payload: {
        status: 'closed',
        themes: ['Homes', 'homes', 'Bins'],
        places: [
          { id: blockC.id, name: 'Block C (north)', lon: 0.11, lat: 51.11 },
          { name: 'the shops', lon: 0.3, lat: 51.3 },
        ],
        moderation: 'pre',
      },
    });
    expect(response.statusCode).toBe(200);
    const changed = response.json();
    expect(changed).toMatchObject({
      status: 'closed',
      moderation: 'pre',
      themes: ['Homes', 'Bins'],
    });
    expect(changed.places).toEqual([
      { id: blockC.id, name: 'Block C (north)', lon: 0.11, lat: 51.11 },
      { id: expect.any(String), name: 'the shops', lon: 0.3, lat: 51.3 },
    ]);
  });

  it('shows residents a workshop by its code with the area outline and no counts; an unknown code is a friendly 404', async () => {
    const workshop = await createWorkshop(t, { title: 'Open day' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/w/${workshop.code.toLowerCase()}`,
    });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      code: workshop.code,
      title: 'Open day',
      status: 'open',
      area: { code: AREAS.ward.code, name: 'Meadow Ward', bbox: [0, 51, 0.5, 51.5] },
    });
    expect(view.area.geometry.type).toBe('Polygon');
    expect(view).not.toHaveProperty('counts');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/w/QQQQQQ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/code on the poster/);
  });

  it('joins with one tap: 201, the resident view, and an httpOnly SameSite=Lax cookie for the whole site', async () => {
    const workshop = await createWorkshop(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/join`,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      participantId: expect.any(String),
      workshop: { code: workshop.code },
    });
    const cookie = response.cookies.find((c) => c.name === 'thrive_participant');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Only the token's hash is stored.
    const stored = await t.db.db
      .selectFrom('participant')
      .select('token_hash')
      .where('id', '=', response.json().participantId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(cookie?.value);
  });

  it('gives a fresh participant each time join is called again (station mode)', async () => {
    const workshop = await createWorkshop(t);
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/join`,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/join`,
      headers: { cookie: participantCookie(first) },
    });
    expect(second.json().participantId).not.toBe(first.json().participantId);
  });

  it('refuses to let anyone join a closed workshop (409)', async () => {
    const workshop = await createWorkshop(t);
    await asOfficer({
      method: 'PATCH',
      url: `/api/workshops/${workshop.id}`,
      payload: { status: 'closed' },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/join`,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toMatch(/closed/);
  });

  it('stores "about you" answers and says they were asked; refuses a value not on the list', async () => {
    const workshop = await createWorkshop(t);
    const cookie = await joinAs(t.app, workshop.code);
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/workshops/${workshop.code}/me`,
      headers: { cookie },
    });
    expect(before.json()).toMatchObject({ aboutYouAsked: false, pins: [], supported: [] });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/workshops/${workshop.code}/me/about`,
      headers: { cookie },
      payload: { ageBand: AGE_BANDS[0], tenure: PREFER_NOT_TO_SAY },
    });
    expect(put.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/workshops/${workshop.code}/me`,
      headers: { cookie },
    });
    expect(after.json().aboutYouAsked).toBe(true);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/workshops/${workshop.code}/me/about`,
      headers: { cookie },
      payload: { ageBand: '40' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('remembers that "about you" was skipped, so it is asked only once', async () => {
    const workshop = await createWorkshop(t);
    const cookie = await joinAs(t.app, workshop.code);
    const url = `/api/workshops/${workshop.code}/me`;
    const skip = await t.app.inject({
      method: 'PUT',
      url: `${url}/about`,
      headers: { cookie },
      payload: {},
    });
    expect(skip.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(me.json()).toMatchObject({ aboutYouAsked: true });
  });

  it('retires the participant on "I\'m done": the cookie is cleared and the old token no longer works', async () => {
    const workshop = await createWorkshop(t);
    const cookie = await joinAs(t.app, workshop.code);
    const leave = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.code}/leave`,
      headers: { cookie },
    });
    expect(leave.statusCode).toBe(204);
    expect(leave.cookies.find((c) => c.name === 'thrive_participant')?.value).toBe('');
    const me = await t.app.inject({
      method: 'GET',
      url: `/api/workshops/${workshop.code}/me`,
      headers: { cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it("refuses a participant another workshop's own view (403) and an anonymous caller (401)", async () => {
    const mine = await createWorkshop(t);
    const theirs = await createWorkshop(t);
    const cookie = await joinAs(t.app, mine.code);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/workshops/${theirs.code}/me`,
          headers: { cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/workshops/${theirs.code}/me` })).statusCode,
    ).toBe(401);
  });

  it('answers every officer route 401 when anonymous and 403 to a participant and to a partner', async () => {
    const workshop = await createWorkshop(t);
    const participant = await joinAs(t.app, workshop.code);
    const pinId = '00000000-0000-4000-8000-000000000000';
    const routes: InjectOptions[] = [
      { method: 'POST', url: '/api/workshops', payload: { title: 'x', areaCode: AREAS.ward.code } },
      { method: 'GET', url: '/api/workshops' },
      { method: 'GET', url: `/api/workshops/${workshop.id}` },
      { method: 'PATCH', url: `/api/workshops/${workshop.id}`, payload: { status: 'closed' } },
      { method: 'GET', url: `/api/workshops/${workshop.id}/pins/all` },
      {
        method: 'PATCH',
        url: `/api/pins/${pinId}`,
        payload: { moderation: 'hidden', reason: 'x' },
      },
      { method: 'DELETE', url: `/api/pins/${pinId}`, payload: { reason: 'x' } },
      {
        method: 'POST',
        url: `/api/pins/${pinId}/responses`,
        payload: { status: 'heard', reply: 'x' },
      },
    ];
    for (const route of routes) {
      const label = `${route.method} ${route.url}`;
      expect([label, (await t.app.inject(route)).statusCode]).toEqual([label, 401]);
      expect([
        label,
        (await t.app.inject({ ...route, headers: { cookie: participant } })).statusCode,
      ]).toEqual([label, 403]);
      expect([
        label,
        (await t.app.inject({ ...route, headers: { cookie: t.partner } })).statusCode,
      ]).toEqual([label, 403]);
    }
    const still = await asOfficer({ method: 'GET', url: `/api/workshops/${workshop.id}` });
    expect(still.json().status).toBe('open');
  });
});

// Exports of a workshop's pins, on both engines: officers only, published pins unless asked,
// no participant data, attribution inside, and no cell a spreadsheet would run as a formula.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import {
  addParticipant,
  addPin,
  addWorkshop,
  ensureEstate,
  type TestParticipant,
} from '../../test-support/workshop-rows.ts';

describe.each(testEngines())('workshop exports on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let workshop: { id: string; code: string };
  let resident: TestParticipant;
  let officer: string;
  const pins: Record<'published' | 'pending' | 'hidden' | 'formula' | 'nowhere', string> = {
    published: '',
    pending: '',
    hidden: '',
    formula: '',
    nowhere: '',
  };

  const get = (path: string, cookie = officer) =>
    app.inject({
      method: 'GET',
      url: `/api/workshops/${workshop.code}/${path}`,
      headers: cookie ? { cookie } : {},
    });

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    workshop = await addWorkshop(t.db, await ensureEstate(t.db), 'Hightown, "our" estate');
    resident = await addParticipant(t.db, workshop.id);
    await addAccount(t.db, 'officer');
    await addAccount(t.db, 'partner');
    officer = await signInAs(app, 'officer@example.org');
    pins.published = await addPin(t.db, {
      workshopId: workshop.id,
      participantId: resident.id,
      text: 'Ring me on 07700 900123 about the lift',
      publicText: 'Ring me on [phone number removed] about the lift',
      lsoaCode: 'E01023345',
      response: {
        status: 'planned',
        reply: 'New lift parts ordered, "soon"',
        expectedBy: '2026-03-01',
      },
    });
    pins.pending = await addPin(t.db, {
      workshopId: workshop.id,
      participantId: resident.id,
      moderation: 'pending',
      text: 'Waiting to be checked',
    });
    pins.hidden = await addPin(t.db, {
      workshopId: workshop.id,
      participantId: resident.id,
      moderation: 'hidden',
      text: 'Something rude',
    });
    pins.formula = await addPin(t.db, {
      workshopId: workshop.id,
      participantId: resident.id,
      kind: 'aspiration',
      theme: 'safety',
      text: '=HYPERLINK("http://evil.example","click")',
    });
    pins.nowhere = await addPin(t.db, {
      workshopId: workshop.id,
      participantId: resident.id,
      kind: 'asset',
      lon: null,
      lat: null,
      text: '+somewhere on the estate',
    });
    await t.db.db
      .insertInto('pin_support')
      .values({ pin_id: pins.published, participant_id: resident.id })
      .execute();
  });
  afterAll(() => app?.close());

  it('exports published pins as GeoJSON with the masked text, reply, support and attribution', async () => {
    const response = await get('export.geojson');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="workshop-${workshop.code}-pins.geojson"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{
      includes: string[];
      attribution: string;
      features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
    }>();
    expect(body.includes).toEqual(['published']);
    expect(body.attribution).toContain('Hightown, "our" estate');
    expect(body.attribution).toContain('Open Government Licence');
    expect(body.features.map((f) => f.id).sort()).toEqual(
      [pins.published, pins.formula, pins.nowhere].sort(),
    );
    const lift = body.features.find((f) => f.id === pins.published);
    expect(lift?.geometry).toEqual({ type: 'Point', coordinates: [-0.465, 51.755] });
    expect(lift?.properties).toMatchObject({
      kind: 'issue',
      theme: 'homes',
      text: 'Ring me on [phone number removed] about the lift',
      status: 'published',
      responseStatus: 'planned',
      reply: 'New lift parts ordered, "soon"',
      expectedBy: '2026-03-01',
      support: 1,
      hasPhoto: false,
      lsoaCode: 'E01023345',
    });
    expect(body.features.find((f) => f.id === pins.nowhere)?.geometry).toBeNull();
  });

  it('includes pending and hidden pins only when asked', async () => {
    const body = (await get('export.geojson?hidden=1')).json<{
      includes: string[];
      features: { id: string; properties: { status: string } }[];
    }>();
    expect(body.includes).toEqual(['published', 'pending', 'hidden']);
    expect(body.features).toHaveLength(5);
    expect(body.features.find((f) => f.id === pins.hidden)?.properties.status).toBe('hidden');
    const csv = (await get('export.csv')).body;
    expect(csv).not.toContain(pins.hidden);
    expect((await get('export.csv?hidden=1')).body).toContain(pins.hidden);
  });

  it('never carries a participant id, token or original text', async () => {
    for (const path of ['export.geojson?hidden=1', 'export.csv?hidden=1']) {
      const text = (await get(path)).body;
      expect(text).not.toContain(resident.id);
      expect(text).not.toContain(resident.cookie.split('=')[1]);
      expect(text).not.toContain('07700 900123');
      expect(text).not.toMatch(/participant/i);
    }
  });

  it('writes CSV with attribution comments, a header and formulas neutralised', async () => {
    const response = await get('export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.split('\r\n');
    expect(lines[0]).toMatch(/^# Residents' pins: Hightown, "our" estate \(/);
    expect(lines[1]).toMatch(
      /^# Residents' pins from the Thrive workshop .*Open Government Licence/,
    );
    expect(lines[2]).toBe(
      'pin_id,lon,lat,place,kind,theme,text,status,response_status,reply,expected_by,support,has_photo,created_at,ward_code,ward_name,lsoa_code,lsoa_name',
    );
    const formula = lines.find((l) => l.startsWith(pins.formula));
    expect(formula).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    const nowhere = lines.find((l) => l.startsWith(pins.nowhere));
    expect(nowhere).toMatch(
      new RegExp(`^${pins.nowhere},,,,asset,homes,'\\+somewhere on the estate,published,`),
    );
    const lift = lines.find((l) => l.startsWith(pins.published));
    expect(lift).toContain(
      ',-0.465,51.755,,issue,homes,Ring me on [phone number removed] about the lift,published,planned,"New lift parts ordered, ""soon""",2026-03-01,1,no,',
    );
  });

  it('is for officers: 401 anonymous, 403 for a participant or a partner, 404 for an unknown workshop', async () => {
    expect((await get('export.csv', '')).statusCode).toBe(401);
    expect((await get('export.geojson', resident.cookie)).statusCode).toBe(403);
    expect((await get('export.csv', await signInAs(app, 'partner@example.org'))).statusCode).toBe(
      403,
    );
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/workshops/QQQQQQ/export.csv',
          headers: { cookie: officer },
        })
      ).statusCode,
    ).toBe(404);
    expect((await get('export.csv?hidden=yes')).statusCode).toBe(400);
  });
});

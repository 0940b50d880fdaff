// The public page of an area's KPIs (GET /api/kpis/areas, GET /api/kpis/areas/:code): only
// adopted KPIs, "you said, we did" from published pins with a reply only, residents' words as
// published, and no "me too" count under 5.
import type { Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs } from '../../test-support/accounts.ts';
import { ESTATE, WARD, addWardWithEstate } from '../../test-support/areas.ts';
import type { KpiAreaPageBody, KpiDetailBody } from './schemas.ts';

describe.each(testEngines())('the public page of an area’s KPIs on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let officer: string;

  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, headers: { cookie: officer } });
  const get = (url: string) => app.inject({ method: 'GET', url });

  /** A published (or hidden) pin on the workshop, with `supporters` "me too"s and maybe a reply. */
  async function pin(
    workshopId: string,
    text: string,
    { supporters = 0, reply = true, moderation = 'published' as 'published' | 'hidden' } = {},
  ): Promise<string> {
    const id = crypto.randomUUID();
    await db.db
      .insertInto('pin')
      .values({
        id,
        workshop_id: workshopId,
        participant_id: null,
        kind: 'issue',
        theme: 'safety',
        text,
        public_text: text,
        moderation,
        content_hash: id,
        ...(reply
          ? {
              response_status: 'done',
              response_reply: 'Lights fixed in May.',
              response_at: new Date(),
            }
          : {}),
      })
      .execute();
    for (let i = 0; i < supporters; i++) {
      const p = await db.db
        .insertInto('participant')
        .values({ token_hash: crypto.randomUUID(), workshop_id: workshopId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db.insertInto('pin_support').values({ pin_id: id, participant_id: p.id }).execute();
    }
    return id;
  }

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    await addWardWithEstate(db);
    await addAccount(db, 'officer');
    officer = await signInAs(app, 'officer@example.org');
  });
  afterAll(() => app?.close());

  it('lists no areas, and an area with nothing adopted yet, before any forum adopts a KPI', async () => {
    expect((await get('/api/kpis/areas')).json()).toEqual({ areas: [] });
    const page = await get(`/api/kpis/areas/${ESTATE}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({
      area: { code: ESTATE, name: 'Test Estate', level: 'estate' },
      kpis: [],
      saidDid: [],
    });
  });

  it('answers 404 in words for an area that is not loaded', async () => {
    const page = await get('/api/kpis/areas/E05000000');
    expect(page.statusCode).toBe(404);
    expect(page.json<{ message: string }>().message).toMatch(/no area/i);
  });

  it('shows adopted KPIs only, on the estate and on the ward around it, with their periods', async () => {
    const survey = (
      await post('/api/surveys', {
        title: 'Estate survey',
        areaCode: ESTATE,
        questions: [{ text: 'I feel safe after dark.', scale: 'agree5' }],
      })
    ).json<{ questions: { id: string }[] }>();
    const body = {
      areaCode: ESTATE,
      title: 'Safe after dark',
      statement: 'I feel safe walking through the estate after dark.',
      method: 'survey',
      tier: 'T2',
      ripple: 'place',
      direction: 'up',
      target: { value: 0.7, by: '2027' },
      surveyQuestionId: survey.questions[0]!.id,
    };
    const adopted = (await post('/api/kpis', body)).json<KpiDetailBody>();
    const draft = (
      await post('/api/kpis', { ...body, title: 'Still a draft' })
    ).json<KpiDetailBody>();
    expect(
      (
        await post(`/api/kpis/${adopted.id}/adoption`, {
          forum: 'Test Estate residents’ forum',
          adoptedOn: '2025-03-04',
        })
      ).statusCode,
    ).toBe(201);

    const estate = (await get(`/api/kpis/areas/${ESTATE}`)).json<KpiAreaPageBody>();
    expect(estate.kpis.map((k) => k.id)).toEqual([adopted.id]);
    expect(estate.kpis[0]).toMatchObject({
      statement: 'I feel safe walking through the estate after dark.',
      adoptions: [{ forum: 'Test Estate residents’ forum', adoptedOn: '2025-03-04' }],
      periods: [],
    });
    expect(JSON.stringify(estate)).not.toContain(draft.id);
    const ward = (await get(`/api/kpis/areas/${WARD}`)).json<KpiAreaPageBody>();
    expect(ward.kpis.map((k) => k.id)).toEqual([adopted.id]);
    expect((await get('/api/kpis/areas')).json()).toEqual({
      areas: [{ code: ESTATE, name: 'Test Estate', level: 'estate', kpis: 1 }],
    });
  });

  it('says "you said, we did" from published replied pins only, holding back "me too" counts under 5', async () => {
    const workshop = await db.db
      .insertInto('workshop')
      .values({
        code: 'PUBPGE',
        title: 'Spring walkabout',
        area_code: ESTATE,
        themes: JSON.stringify(['safety']),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const popular = await pin(workshop.id, 'The underpass is dark <b>at night</b>', {
      supporters: 5,
    });
    const few = await pin(workshop.id, 'Broken bench', { supporters: 4 });
    await pin(workshop.id, 'No reply yet', { reply: false });
    await pin(workshop.id, 'Hidden with a reply', { moderation: 'hidden' });

    const page = (await get(`/api/kpis/areas/${WARD}`)).json<KpiAreaPageBody>();
    expect(page.saidDid.map((s) => s.pinId).sort()).toEqual([popular, few].sort());
    const byId = new Map(page.saidDid.map((s) => [s.pinId, s]));
    expect(byId.get(popular)).toMatchObject({
      workshop: 'Spring walkabout',
      text: 'The underpass is dark <b>at night</b>',
      support: 5,
      response: { status: 'done', reply: 'Lights fixed in May.' },
    });
    expect(byId.get(few)?.support).toBeNull();
  });
});

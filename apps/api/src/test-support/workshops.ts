// Test set-up for residents' workshops: a small hand-made geography (an authority, a ward and
// an LSOA as squares near 0°E 51°N), accounts of each role, and helpers to create a workshop,
// join it and make pins through the API.
import { randomUUID } from 'node:crypto';
import type { Db } from '@thrive/db';
import type { TestEngine } from '@thrive/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { BuildOptions } from '../app.ts';
import { accountsApp, addAccount, signInAs } from './accounts.ts';

type Square = { type: 'Polygon'; coordinates: number[][][] };

function square(minx: number, miny: number, maxx: number, maxy: number): Square {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minx, miny],
        [maxx, miny],
        [maxx, maxy],
        [minx, maxy],
        [minx, miny],
      ],
    ],
  };
}

/** The hand-made areas: the ward and the LSOA lie in the south-west corner of the authority. */
export const AREAS = {
  lad: { code: 'E07999999', name: 'Testshire', level: 'lad', parent: null, box: [0, 51, 1, 52] },
  ward: {
    code: 'E05999991',
    name: 'Meadow Ward',
    level: 'ward',
    parent: 'E07999999',
    box: [0, 51, 0.5, 51.5],
  },
  lsoa: {
    code: 'E01999991',
    name: 'Testshire 001A',
    level: 'lsoa',
    parent: 'E07999999',
    box: [0, 51, 0.25, 51.25],
  },
} as const;

/** A point inside the ward and the LSOA. */
export const INSIDE = { lon: 0.1, lat: 51.1 } as const;
/** A point inside the ward but outside the LSOA. */
export const INSIDE_WARD_ONLY = { lon: 0.4, lat: 51.4 } as const;
/** A point in the authority but outside the ward. */
export const OUTSIDE_WARD = { lon: 0.8, lat: 51.8 } as const;

/** An estate boundary inside the ward and LSOA (a small square), as an officer would upload it. */
export const ESTATE_BOUNDARY = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Elm Estate' },
      geometry: square(0.05, 51.05, 0.15, 51.15),
    },
  ],
} as const;

/** Adds the hand-made authority, ward and LSOA. */
export async function addTestAreas(db: Db): Promise<void> {
  for (const area of [AREAS.lad, AREAS.ward, AREAS.lsoa]) {
    const [minx, miny, maxx, maxy] = area.box;
    await db.db
      .insertInto('area')
      .values({
        code: area.code,
        name: area.name,
        level: area.level,
        parent_code: area.parent,
        geometry: JSON.stringify(square(minx, miny, maxx, maxy)),
        minx,
        miny,
        maxx,
        maxy,
        source: 'test',
      })
      .execute();
  }
}

export interface WorkshopTestApp {
  app: FastifyInstance;
  db: Db;
  /** Cookie headers of signed-in accounts. */
  officer: string;
  admin: string;
  partner: string;
}

/** An app on a fresh database with the hand-made areas and an account of each role signed in. */
export async function workshopApp(
  engine: TestEngine,
  options: BuildOptions = {},
): Promise<WorkshopTestApp> {
  const { app, db } = await accountsApp(engine, {}, options);
  await addTestAreas(db);
  const cookies: Record<string, string> = {};
  for (const role of ['officer', 'admin', 'partner'] as const) {
    await addAccount(db, role);
    cookies[role] = await signInAs(app, `${role}@example.org`);
  }
  return { app, db, officer: cookies.officer!, admin: cookies.admin!, partner: cookies.partner! };
}

/** Creates a workshop on the ward (or as told) as an officer; its JSON. */
export async function createWorkshop(
  t: WorkshopTestApp,
  body: Record<string, unknown> = {},
): Promise<
  { id: string; code: string; places: { id: string; name: string }[] } & Record<string, unknown>
> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops',
    headers: { cookie: t.officer },
    payload: { title: 'Meadow walkabout', areaCode: AREAS.ward.code, ...body },
  });
  if (response.statusCode !== 201)
    throw new Error(`workshop not created: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The participant cookie from a response, as a Cookie header value. */
export function participantCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'thrive_participant');
  if (!cookie)
    throw new Error(
      `no participant cookie in the response (${response.statusCode}: ${response.body})`,
    );
  return `thrive_participant=${cookie.value}`;
}

/** Joins a workshop; the Cookie header to send as that participant. */
export async function joinAs(app: FastifyInstance, code: string): Promise<string> {
  return participantCookie(
    await app.inject({ method: 'POST', url: `/api/workshops/${code}/join` }),
  );
}

/** A pin body with a fresh id, inside the ward and LSOA unless told otherwise. */
export function newPin(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { id: string } {
  return {
    id: randomUUID(),
    kind: 'issue',
    theme: 'safety',
    text: 'The underpass lights are out.',
    ...INSIDE,
    ...overrides,
  };
}

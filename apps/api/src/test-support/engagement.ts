// A hand-made estate whose engagement figures are worked out by hand (engagement.test.ts and
// programmes.test.ts): a ward of two Dacorum LSOAs (IoD2019 File 6, mid-2015) with one estate
// inside it, one workshop on the estate in March 2026.
//   - 12 took part: six aged 25–44 and three 45–59 (16–59: 9), three aged 60–74 (60+: 3);
//     nobody under 16. One more joined and did nothing (not counted).
//   - 12 published pins (all on 1 March 2026, in LSOA A) and 1 hidden (never counted).
//   - 7 pins replied, first after 1, 2, 3, 5, 8, 13 and 21 days; the last five first "planned"
//     for 30 April 2026, then "done" on 20 April 2026.
//   - 6 "me too" from six of the others.
import type { Db } from '@thrive/db';
import type { AgeBand } from '@thrive/participation';
import { sql } from 'kysely';
import { addAreas, plainArea } from './areas.ts';
import { addParticipant, addPin, addWorkshop } from './workshop-rows.ts';

export const LSOA_A = { code: 'E01023345', total: 1590, young: 288, middle: 1033, older: 269 };
export const LSOA_B = { code: 'E01023346', total: 1390, young: 311, middle: 781, older: 298 };
export const WARD = 'E05999913';
export const ESTATE = 'EST-ENG001';
/** A second estate in the ward with a workshop where too few took part to publish anything. */
export const QUIET_ESTATE = 'EST-ENG002';

const MARCH_1 = Date.parse('2026-03-01T10:00:00Z');
const DAY = 86_400_000;
export const REPLY_DAYS = [1, 2, 3, 5, 8, 13, 21];

/** Loads the areas, the workshops and everything residents did; the estate workshop's id. */
export async function addHandMadeEngagement(
  db: Db,
): Promise<{ workshopId: string; quietWorkshopId: string }> {
  await addAreas(
    db,
    plainArea(WARD, 'Engagement Ward', 'ward'),
    plainArea(LSOA_A.code, 'Dacorum 013A', 'lsoa'),
    plainArea(LSOA_B.code, 'Dacorum 013B', 'lsoa'),
    plainArea(ESTATE, 'Meadow Estate', 'estate', WARD),
    plainArea(QUIET_ESTATE, 'Brook Estate', 'estate', WARD),
  );
  await db.db
    .insertInto('area_link')
    .values(
      [LSOA_A.code, LSOA_B.code].map((from_code) => ({
        from_code,
        to_code: WARD,
        method: 'best_fit_centroid' as const,
      })),
    )
    .execute();
  const workshop = await addWorkshop(db, ESTATE, 'Meadow walkabout');
  const ages: AgeBand[] = [
    ...Array<AgeBand>(6).fill('25_44'),
    ...Array<AgeBand>(3).fill('45_59'),
    ...Array<AgeBand>(3).fill('60_74'),
  ];
  const people = [];
  for (const ageBand of ages) people.push(await addParticipant(db, workshop.id, { ageBand }));
  await addParticipant(db, workshop.id);
  const author = people[0]!.id;
  const pins: string[] = [];
  for (let i = 0; i < 12; i++)
    pins.push(
      await addPin(db, {
        workshopId: workshop.id,
        participantId: author,
        lsoaCode: LSOA_A.code,
        text: `Pin ${i + 1}`,
      }),
    );
  await addPin(db, {
    workshopId: workshop.id,
    participantId: author,
    lsoaCode: LSOA_A.code,
    moderation: 'hidden',
  });
  // created_at is the database's to set; a hand-made history moves it back to March.
  await sql`update pin set created_at = ${new Date(MARCH_1)} where workshop_id = ${workshop.id}`.execute(
    db.db,
  );
  await sql`update participant set created_at = ${new Date(MARCH_1 - 3_600_000)} where workshop_id = ${workshop.id}`.execute(
    db.db,
  );
  for (let i = 0; i < REPLY_DAYS.length; i++) {
    const pinId = pins[i]!;
    const first = new Date(MARCH_1 + (REPLY_DAYS[i] ?? 0) * DAY);
    const planned = i >= 2;
    await db.db
      .insertInto('pin_response')
      .values({
        pin_id: pinId,
        status: planned ? 'planned' : 'heard',
        reply: planned ? 'We will fix this by the end of April.' : 'Thank you, we have read this.',
        expected_by: planned ? '2026-04-30' : null,
        actor_id: null,
        at: first,
      })
      .execute();
    const done = new Date('2026-04-20T12:00:00Z');
    if (planned)
      await db.db
        .insertInto('pin_response')
        .values({
          pin_id: pinId,
          status: 'done',
          reply: 'Fixed: the lift was repaired.',
          expected_by: null,
          actor_id: null,
          at: done,
        })
        .execute();
    await db.db
      .updateTable('pin')
      .set({
        response_status: planned ? 'done' : 'heard',
        response_reply: planned ? 'Fixed: the lift was repaired.' : 'Thank you, we have read this.',
        response_at: planned ? done : first,
      })
      .where('id', '=', pinId)
      .execute();
  }
  for (const person of people.slice(1, 7))
    await db.db
      .insertInto('pin_support')
      .values({ pin_id: pins[0]!, participant_id: person.id })
      .execute();

  // The quiet estate: 2 took part, 3 pins, none replied.
  const quiet = await addWorkshop(db, QUIET_ESTATE, 'Brook drop-in');
  const a = await addParticipant(db, quiet.id, { ageBand: '16_24' });
  await addParticipant(db, quiet.id, { ageBand: '75_plus' });
  for (let i = 0; i < 3; i++)
    await addPin(db, { workshopId: quiet.id, participantId: a.id, lsoaCode: LSOA_B.code });
  return { workshopId: workshop.id, quietWorkshopId: quiet.id };
}

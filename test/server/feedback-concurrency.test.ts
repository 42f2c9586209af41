import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../../src/server/db/schema';
import { appendEvent } from '../../src/server/features/feedback/events';
import { newId } from '../../src/server/shared/secrets';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff, type ApiAnswer, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// Each test holds, in a transaction of its own, what another request would be doing at that moment,
// and sends the real request into the middle of it. In PostgreSQL the request runs on another
// connection at the same time; in SQLite the one connection is held by the test's transaction, so
// the request can only run after it: the same end is checked on both.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let staffId: string;
let resident: SignedInPerson;
const STATION = firstStation.id;
const db = () => testApp.database.handle.db;

type Trx = Transaction<DatabaseSchema>;

async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'zhao.keyuan', displayName: '赵科员' }, clock);
}

/** The PostgreSQL backend running this transaction; null in SQLite. */
async function backendOf(trx: Trx): Promise<number | null> {
  if (testApp.database.handle.kind !== 'postgres') return null;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  return rows[0].pid;
}

/**
 * Resolves once `request` waits for a lock the transaction on `holder` holds, or has finished without
 * waiting (as it could before its transaction took the lock it needs). Polled: PostgreSQL says when a
 * backend waits, not a moment before.
 */
async function waitingOrDone(request: Promise<unknown>, holder: number | null): Promise<void> {
  if (holder === null) return;
  let done = false;
  const finished = () => {
    done = true;
  };
  request.then(finished, finished);
  while (!done) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity where ${holder} = any(pg_blocking_pids(pid))`.execute(db());
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a submission writes, as the submission route would inside its transaction (it holds the station first). */
async function insertItemAs(trx: Trx, userId: string, sessionDate: string): Promise<string> {
  const id = newId();
  const at = clock.toISOString();
  await trx
    .insertInto('feedbackItem')
    .values({
      id,
      clientId: randomUUID(),
      submitterId: userId,
      kind: 'complaint',
      categoryId: 'city-management',
      content: '驿站对面的人行道被违停车辆占满了。',
      placeName: null,
      latitude: null,
      longitude: null,
      incidentAt: null,
      anonymous: 0,
      mobile: null,
      enforcementUnit: null,
      caseReference: null,
      supervisorId: null,
      stationId: STATION,
      sessionDate,
      onSite: 1,
      status: 'pending',
      reopened: 0,
      flagged: 0,
      duplicateOf: null,
      submittedAt: at,
      replyDue: '2026-12-09',
      ratingStars: null,
      ratingComment: null,
      ratedAt: null,
    })
    .execute();
  await appendEvent(trx, id, { action: 'submitted', at, actorKind: 'submitter', toStatus: 'pending' });
  return id;
}

/** Holds the station as closing, cancelling, moving and submitting all do first. */
async function holdStation(trx: Trx): Promise<void> {
  await sql`update station set id = id where id = ${STATION}`.execute(trx);
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  resident = await signInGuest(testApp);
  await standOn('2026-11-26T10:00:00+08:00');
  staffId = (await db().selectFrom('staffAccount').select('id').where('username', '=', 'zhao.keyuan').executeTakeFirstOrThrow()).id;
  await submitItem(testApp, resident.token, { content: '菜市场门口每天早上都有占道经营，车辆无法通行。' });
});

afterAll(() => testApp.close());

test('a close that comes while an item is being submitted to the session waits for it, and carries it over too', async () => {
  await standOn('2026-11-30T10:00:00+08:00');
  let racing = '';
  let closing: Promise<ApiAnswer> | undefined;
  await db()
    .transaction()
    .execute(async (trx) => {
      await holdStation(trx);
      racing = await insertItemAs(trx, resident.userId, '2026-11-30');
      closing = call({ method: 'POST', url: `/staff/stations/${STATION}/sessions/2026-11-30/close`, token: office, body: {} });
      await waitingOrDone(closing, await backendOf(trx));
    });
  const closed = await closing!;
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ raised: 2, carriedOver: 2, carriedTo: { originalDate: '2026-12-15' } });
  expect(closed.body.carriedItemIds).toContain(racing);
  const stored = await db().selectFrom('feedbackItem').select('sessionDate').where('id', '=', racing).executeTakeFirstOrThrow();
  expect(stored.sessionDate).toBe('2026-12-15');
});

test('an item submitted on site while its session is being closed waits for the close and joins the next session', async () => {
  clock = new Date('2026-12-15T10:00:00+08:00');
  let submitting: Promise<{ id: string; session: { originalDate: string } }> | undefined;
  await db()
    .transaction()
    .execute(async (trx) => {
      // What closing 15 December writes, once it holds the station.
      await holdStation(trx);
      submitting = submitItem(testApp, resident.token, { onSite: true, content: '驿站门前的公告栏被小广告贴满了。' });
      await waitingOrDone(submitting, await backendOf(trx));
      await trx
        .insertInto('sessionRecord')
        .values({ stationId: STATION, sessionDate: '2026-12-15', closedAt: clock.toISOString(), closedBy: staffId, summary: '{}' })
        .execute();
    });
  const item = await submitting!;
  expect(item.session.originalDate).toBe('2026-12-30');
  const stored = await db().selectFrom('feedbackItem').select(['sessionDate', 'onSite']).where('id', '=', item.id).executeTakeFirstOrThrow();
  expect([stored.sessionDate, Number(stored.onSite)]).toEqual(['2026-12-30', 0]);
});

test('moving a session while a colleague accepts one of its items: both are kept, one after the other in its history', async () => {
  await standOn('2026-12-16T10:00:00+08:00');
  const [item] = await db().selectFrom('feedbackItem').select('id').where('sessionDate', '=', '2026-12-30').execute();
  let moving: Promise<ApiAnswer> | undefined;
  await db()
    .transaction()
    .execute(async (trx) => {
      // What accepting the item does: its status changes only from the one it was read in, then its history grows.
      await trx.updateTable('feedbackItem').set({ status: 'accepted' }).where('id', '=', item.id).where('status', '=', 'pending').execute();
      await appendEvent(trx, item.id, { action: 'accepted', at: clock.toISOString(), actorKind: 'staff', staffId, fromStatus: 'pending', toStatus: 'accepted' });
      moving = call({
        method: 'POST',
        url: `/staff/stations/${STATION}/sessions/2026-12-30/change`,
        token: office,
        body: { kind: 'moved', newDate: '2026-12-31', newWindow: { start: '14:00', end: '16:30' }, reason: '与元旦前安全检查冲突' },
      });
      await waitingOrDone(moving, await backendOf(trx));
    });
  const moved = await moving!;
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ itemsMoved: 1, session: { date: '2026-12-31' } });
  const events = await db().selectFrom('feedbackEvent').select(['seq', 'action']).where('itemId', '=', item.id).orderBy('seq').execute();
  expect(events.map((e) => [Number(e.seq), e.action])).toEqual([
    [1, 'submitted'],
    [2, 'accepted'],
    [3, 'moved'],
  ]);
});

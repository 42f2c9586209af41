import { SessionSummarySchema } from '../../src/core/feedback/schemas';
import { MOBILE_PATTERN } from '../../src/core/feedback/mobile';
import { replyDeadline } from '../../src/core/feedback/reply-deadline';
import { dailyDraw } from '../../src/core/quiz/daily-draw';
import { periodInstants, yearPeriod } from '../../src/core/reports/period';
import { hoursBetween } from '../../src/core/reports/statistics';
import { occurrenceDatesBetween } from '../../src/core/sessions/calendar';
import { shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import type { Database, DatabaseSchema } from '../../src/server/db/schema';
import { loadFeedbackSettings } from '../../src/server/features/feedback/feedback-settings';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { closeTestDatabase, createTestDatabase, type TestDatabase } from '../support/test-database';
import { seedYear, type YearLedger } from '../support/year-data';

// The seeded year that the reports tests and the bench stand on (issue 8): it must be deterministic,
// look like a town's year, keep every rule the server keeps, stop at `now`, and its ledger (counted
// in JS while generating) must agree with what the database holds.

const NOW = new Date('2026-11-26T10:00:00+08:00');
const NOW_ISO = NOW.toISOString();
const YEAR = yearPeriod(2026);
const { start: YEAR_START, end: YEAR_END } = periodInstants(YEAR);
const lawTexts = loadLawTexts();

let database: TestDatabase;
let ledger: YearLedger;
const db = () => database.handle.db;

/** A town of two communities, each with its own station (different days), grids and populations. */
async function growTown(target: Database): Promise<void> {
  await target.updateTable('community').set({ population: 4200 }).where('id', '=', 'chaotianzui').execute();
  await target.updateTable('grid').set({ population: 2100 }).execute();
  await target.insertInto('community').values({ id: 'xinqiao', name: '新桥村', kind: '村', population: 1800 }).execute();
  await target
    .insertInto('grid')
    .values([
      { id: 'xinqiao-1', name: '新桥村第一网格', communityId: 'xinqiao', population: 900 },
      { id: 'xinqiao-2', name: '新桥村第二网格', communityId: 'xinqiao', population: null },
    ])
    .execute();
  await target
    .insertInto('station')
    .values({
      id: 'xinqiao-station',
      position: 1,
      name: '新桥村红色驿站',
      subtitle: '行政执法协调监督联系点',
      communityId: 'xinqiao',
      address: '新桥村村委会',
      latitude: 29.06,
      longitude: 106.12,
      daysOfMonth: '10,25',
      windowStart: '14:00',
      windowEnd: '16:30',
    })
    .execute();
}

async function seededDatabase(feedbackItems: number, seed: number): Promise<{ database: TestDatabase; ledger: YearLedger }> {
  const created = await createTestDatabase();
  await growTown(created.handle.db);
  await seedQuestionBank(created.handle.db, lawTexts, NOW);
  return { database: created, ledger: await seedYear(created.handle.db, { year: 2026, feedbackItems, seed, now: NOW }) };
}

const count = (value: unknown) => Number(value);
const ruleOf = (station: { daysOfMonth: string; windowStart: string; windowEnd: string }) => ({
  daysOfMonth: station.daysOfMonth.split(',').map(Number),
  window: { start: station.windowStart, end: station.windowEnd },
});
const dayOf = (instant: string) => shanghaiDateOf(new Date(instant));

beforeAll(async () => {
  ({ database, ledger } = await seededDatabase(2000, 7));
}, 120_000);

afterAll(() => closeTestDatabase(database));

const TABLES: readonly (keyof DatabaseSchema)[] = [
  'appUser',
  'staffAccount',
  'supervisor',
  'gridWorker',
  'sessionOverride',
  'feedbackItem',
  'feedbackEvent',
  'sessionRecord',
  'event',
  'eventSignUp',
  'contest',
  'contestAttempt',
  'quizDaily',
  'quizWrongAnswer',
  'enforcementActivity',
];

/** Every row the generator wrote, in a stable order; password hashes are salted and left out. */
async function dump(target: Database): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = (await target.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    tables[table] = rows.map(({ passwordHash: _, ...row }) => JSON.stringify(row)).sort();
  }
  return tables;
}

describe('determinism', () => {
  test('the same seed gives the same rows and ledger; another seed gives another year', async () => {
    const runs = [await seededDatabase(300, 3), await seededDatabase(300, 3), await seededDatabase(300, 4)];
    try {
      const [first, again, other] = await Promise.all(runs.map((run) => dump(run.database.handle.db)));
      expect(again).toEqual(first);
      expect(runs[1].ledger).toEqual(runs[0].ledger);
      expect(first.feedbackItem).toHaveLength(300);
      expect(other.feedbackItem).toHaveLength(300);
      expect(other.feedbackItem).not.toEqual(first.feedbackItem);
      expect(runs[2].ledger.feedback.byCategory).not.toEqual(runs[0].ledger.feedback.byCategory);
    } finally {
      for (const run of runs) await closeTestDatabase(run.database);
    }
  }, 180_000);

  test('refuses a database that already holds feedback, and a year that has not begun', async () => {
    await expect(seedYear(db(), { year: 2026, feedbackItems: 10, now: NOW })).rejects.toThrow('already holds feedback');
    await expect(seedYear(db(), { year: 2027, feedbackItems: 10, now: NOW })).rejects.toThrow('before 2027 has begun');
    expect(count((await db().selectFrom('feedbackItem').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(2000);
  });
});

describe('a realistic year', () => {
  test('feedback of all four kinds, 监督意见 only from appointed supervisors with unit and case number', async () => {
    expect(ledger.feedback.total).toBe(2000);
    for (const kind of ['supervision', 'complaint', 'suggestion', 'inquiry'] as const) {
      expect(ledger.feedback.byKind[kind]).toBeGreaterThan(0);
    }
    const supervision = await db()
      .selectFrom('feedbackItem')
      .leftJoin('supervisor', 'supervisor.id', 'feedbackItem.supervisorId')
      .select(['feedbackItem.submitterId', 'supervisor.userId', 'feedbackItem.anonymous'])
      .select(['feedbackItem.enforcementUnit', 'feedbackItem.caseReference'])
      .where('feedbackItem.kind', '=', 'supervision')
      .execute();
    expect(supervision).toHaveLength(ledger.feedback.byKind.supervision);
    for (const item of supervision) {
      expect(item.userId).toBe(item.submitterId);
      expect(item.enforcementUnit).toBeTruthy();
      expect(item.caseReference).toMatch(/罚决字〔2026〕\d+号$/);
      expect(count(item.anonymous)).toBe(0);
    }
    const others = await db()
      .selectFrom('feedbackItem')
      .select('supervisorId')
      .where('kind', '<>', 'supervision')
      .where('supervisorId', 'is not', null)
      .execute();
    expect(others).toEqual([]);
  });

  test('categories weighted like the report (城市管理 most), some anonymous, mobiles that mask', async () => {
    const [first, ...rest] = Object.values(ledger.feedback.byCategory);
    for (const other of rest) expect(first).toBeGreaterThan(2 * other);
    expect(ledger.feedback.anonymous / 2000).toBeGreaterThan(0.1);
    expect(ledger.feedback.anonymous / 2000).toBeLessThan(0.3);
    const mobiles = await db().selectFrom('feedbackItem').select(['mobile', 'anonymous']).where('mobile', 'is not', null).execute();
    expect(mobiles.length).toBe(ledger.feedback.withMobile);
    expect(mobiles.length).toBeGreaterThan(0);
    for (const { mobile, anonymous } of mobiles) {
      expect(mobile).toMatch(MOBILE_PATTERN);
      expect(count(anonymous)).toBe(0);
    }
  });

  test('more items on session days, every status, some overdue, reply times from hours to about ten working days', async () => {
    const sessionDays = new Map<string, Set<string>>();
    for (const station of await db().selectFrom('station').selectAll().execute()) {
      sessionDays.set(station.id, new Set(occurrenceDatesBetween(ruleOf(station), '2026-01-01', '2026-11-26')));
    }
    const onSessionDays = ledger.feedback.items.filter((i) => sessionDays.get(i.stationId)!.has(dayOf(i.submittedAt))).length;
    // About one day in fifteen is a session day; they draw several times their share.
    expect(onSessionDays / 2000).toBeGreaterThan((3 * 22) / 330);
    expect(ledger.feedback.items.filter((i) => i.onSite).length).toBeGreaterThan(0);
    for (const status of ['pending', 'accepted', 'replied', 'closed', 'rejected'] as const) {
      expect(ledger.feedback.byStatus[status]).toBeGreaterThan(0);
    }
    expect(ledger.feedback.overdueNow).toBeGreaterThan(0);
    const hours = [...ledger.feedback.firstReplyHours].sort((a, b) => a - b);
    expect(hours[0]).toBeLessThan(8);
    expect(hours[hours.length - 1]).toBeGreaterThan(10 * 24);
    expect(hours[Math.floor(hours.length / 2)]).toBeLessThan(7 * 24);
  });

  test('ratings mostly 4–5, a few low ones that reopened their item once; about 5% flagged for 研判', async () => {
    const ratings = ledger.feedback.ratings;
    expect(ratings.filter((stars) => stars >= 4).length / ratings.length).toBeGreaterThan(0.7);
    const low = await db()
      .selectFrom('feedbackEvent')
      .select(['itemId', 'stars'])
      .where('action', '=', 'rated')
      .where('stars', '<=', 2)
      .execute();
    expect(low.length).toBeGreaterThan(0);
    const reopened = await db().selectFrom('feedbackEvent').select('itemId').where('action', '=', 'reopened').execute();
    expect(reopened.length).toBe(ledger.feedback.reopened);
    expect(new Set(reopened.map((r) => r.itemId)).size).toBe(reopened.length);
    expect(ledger.feedback.flagged / 2000).toBeGreaterThan(0.03);
    expect(ledger.feedback.flagged / 2000).toBeLessThan(0.07);
  });

  test('every session of the year so far is closed with its summary, except those on public holidays, which were cancelled', async () => {
    const { calendar } = await loadFeedbackSettings(db());
    for (const station of await db().selectFrom('station').selectAll().execute()) {
      // Sessions end by mid-afternoon and are closed before evening: all days before today's.
      const days = occurrenceDatesBetween(ruleOf(station), '2026-01-01', '2026-11-25');
      const records = await db().selectFrom('sessionRecord').select(['sessionDate', 'summary']).where('stationId', '=', station.id).execute();
      const cancelled = await db().selectFrom('sessionOverride').select('originalDate').where('stationId', '=', station.id).execute();
      expect(records.map((r) => r.sessionDate).sort()).toEqual(days.filter((day) => !calendar.holidays.includes(day)));
      expect(cancelled.map((c) => c.originalDate).sort()).toEqual(days.filter((day) => calendar.holidays.includes(day)));
      for (const record of records) {
        const summary = SessionSummarySchema.parse(JSON.parse(record.summary));
        expect(summary.stationId).toBe(station.id);
        expect(summary.byCategory.reduce((sum, c) => sum + c.raised, 0)).toBe(summary.raised);
      }
    }
    expect(ledger.sessions.cancelled).toContainEqual({ stationId: 'chaotianzui-red-station', sessionDate: '2026-02-15' });
  });

  test('publicity events: monthly 院坝会 in each community, stalls on the key dates, 民法典宣传月 in May, some cancelled', async () => {
    const events = ledger.events.items;
    for (const type of ['yuanba', 'campaign', 'lecture', 'door_to_door', 'special'] as const) {
      expect(events.filter((e) => e.type === type && e.held).length).toBeGreaterThan(0);
    }
    for (const community of ['chaotianzui', 'xinqiao']) {
      const meetings = events.filter((e) => e.type === 'yuanba' && e.communityId === community);
      const months = new Set(meetings.map((e) => dayOf(e.startsAt).slice(5, 7)));
      for (let month = 1; month <= 11; month += 1) expect(months).toContain(String(month).padStart(2, '0'));
    }
    const stall = events.find((e) => e.type === 'campaign' && e.theme === '3·15 国际消费者权益日');
    expect(stall && dayOf(stall.startsAt)).toBe('2026-03-15');
    expect(events.filter((e) => e.type === 'lecture' && e.theme === '民法典宣传月' && e.startsAt.startsWith('2026-05')).length).toBe(2);
    expect(events.some((e) => e.held && e.recordedAttendance !== null)).toBe(true);
    expect(events.some((e) => e.held && e.recordedAttendance === null && e.checkedInPeople > 0)).toBe(true);
    expect(ledger.events.attendance).toBeGreaterThan(0);
    expect(events.filter((e) => e.status === 'cancelled').length).toBeGreaterThan(0);
  });

  test('contest papers by community and grid, daily practice, and a couple of logged activities a month per bound supervisor', async () => {
    const scored = ledger.quiz.attempts.filter((a) => a.score !== null);
    expect(new Set(scored.map((a) => a.communityId))).toEqual(new Set(['chaotianzui', 'xinqiao']));
    expect(new Set(scored.map((a) => a.gridId))).toEqual(new Set(['chaotianzui-1', 'chaotianzui-2', 'xinqiao-1', 'xinqiao-2', null]));
    expect(ledger.quiz.dailySubmitted).toBeGreaterThan(0);
    const bound = ledger.supervisors.filter((s) => s.userId !== null);
    expect(bound.length).toBeGreaterThan(0);
    expect(bound.length).toBeLessThan(ledger.supervisors.length);
    for (const supervisor of bound) {
      const mine = ledger.activities.items.filter((a) => a.supervisorId === supervisor.id);
      for (let month = 1; month <= 10; month += 1) {
        const inMonth = mine.filter((a) => a.date.startsWith(`2026-${String(month).padStart(2, '0')}`)).length;
        expect(inMonth).toBeGreaterThanOrEqual(1);
        expect(inMonth).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('consistent as the server would have left it', () => {
  test("each item's status, session, deadline and rating follow from its history", async () => {
    const items = await db().selectFrom('feedbackItem').selectAll().execute();
    const events = await db().selectFrom('feedbackEvent').selectAll().orderBy('itemId').orderBy('seq').execute();
    const historyOf = new Map<string, typeof events>();
    for (const event of events) {
      if (!historyOf.has(event.itemId)) historyOf.set(event.itemId, []);
      historyOf.get(event.itemId)!.push(event);
    }
    const { calendar, replyWorkingDays } = await loadFeedbackSettings(db());
    for (const item of items) {
      const history = historyOf.get(item.id) ?? [];
      expect(history.map((e) => count(e.seq))).toEqual(history.map((_, index) => index + 1));
      expect(history[0]).toMatchObject({ action: 'submitted', at: item.submittedAt, toStatus: 'pending', actorKind: 'submitter' });
      for (let i = 1; i < history.length; i += 1) expect(history[i].at >= history[i - 1].at).toBe(true);
      const changes = history.filter((e) => e.toStatus !== null);
      expect(changes[changes.length - 1].toStatus).toBe(item.status);
      for (let i = 1; i < changes.length; i += 1) expect(changes[i].fromStatus).toBe(changes[i - 1].toStatus);
      if (item.status === 'replied' || item.status === 'closed') expect(history.some((e) => e.action === 'replied')).toBe(true);
      const moves = history.filter((e) => e.action === 'moved');
      if (moves.length > 0) expect(moves[moves.length - 1].movedTo).toBe(item.sessionDate);
      const reopen = history.find((e) => e.action === 'reopened');
      expect(count(item.reopened)).toBe(reopen ? 1 : 0);
      expect(item.replyDue).toBe(replyDeadline(new Date(reopen?.at ?? item.submittedAt), replyWorkingDays, calendar));
      const lastRating = [...history].reverse().find((e) => e.action === 'rated' || e.action === 'reopened');
      const heldRating = lastRating?.action === 'rated' ? count(lastRating.stars) : null;
      expect(item.ratingStars === null ? null : count(item.ratingStars)).toBe(heldRating);
      expect(count(item.flagged)).toBe(history.some((e) => e.action === 'flagged') ? 1 : 0);
    }
  });

  test('no open item sits in a closed session, and each summary carried over what its moves say', async () => {
    const closed = await db().selectFrom('sessionRecord').selectAll().execute();
    const open = await db()
      .selectFrom('feedbackItem')
      .select(['stationId', 'sessionDate'])
      .where('status', 'in', ['pending', 'accepted'])
      .execute();
    const closedKeys = new Set(closed.map((r) => `${r.stationId}/${r.sessionDate}`));
    expect(open.filter((i) => closedKeys.has(`${i.stationId}/${i.sessionDate}`))).toEqual([]);
    for (const record of closed) {
      const summary = SessionSummarySchema.parse(JSON.parse(record.summary));
      const carried = await db()
        .selectFrom('feedbackEvent')
        .innerJoin('feedbackItem', 'feedbackItem.id', 'feedbackEvent.itemId')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('feedbackItem.stationId', '=', record.stationId)
        .where('feedbackEvent.action', '=', 'moved')
        .where('feedbackEvent.movedFrom', '=', record.sessionDate)
        .where('feedbackEvent.at', '=', record.closedAt)
        .executeTakeFirstOrThrow();
      expect(count(carried.n)).toBe(summary.carriedOver);
    }
  });

  test('nothing happens after now', async () => {
    const latest = async (query: Promise<{ at: string | null } | undefined>) => (await query)?.at ?? '';
    const checks = [
      db().selectFrom('appUser').select((eb) => eb.fn.max('createdAt').as('at')).executeTakeFirst(),
      db().selectFrom('feedbackItem').select((eb) => eb.fn.max('submittedAt').as('at')).executeTakeFirst(),
      db().selectFrom('feedbackItem').select((eb) => eb.fn.max('ratedAt').as('at')).executeTakeFirst(),
      db().selectFrom('feedbackEvent').select((eb) => eb.fn.max('at').as('at')).executeTakeFirst(),
      db().selectFrom('sessionRecord').select((eb) => eb.fn.max('closedAt').as('at')).executeTakeFirst(),
      db().selectFrom('sessionOverride').select((eb) => eb.fn.max('createdAt').as('at')).executeTakeFirst(),
      db().selectFrom('event').select((eb) => eb.fn.max('updatedAt').as('at')).executeTakeFirst(),
      db().selectFrom('eventSignUp').select((eb) => eb.fn.max('signedUpAt').as('at')).executeTakeFirst(),
      db().selectFrom('eventSignUp').select((eb) => eb.fn.max('cancelledAt').as('at')).executeTakeFirst(),
      db().selectFrom('eventSignUp').select((eb) => eb.fn.max('checkedInAt').as('at')).executeTakeFirst(),
      db().selectFrom('contest').select((eb) => eb.fn.max('createdAt').as('at')).executeTakeFirst(),
      db().selectFrom('contestAttempt').select((eb) => eb.fn.max('startedAt').as('at')).executeTakeFirst(),
      db().selectFrom('contestAttempt').select((eb) => eb.fn.max('submittedAt').as('at')).executeTakeFirst(),
      db().selectFrom('quizDaily').select((eb) => eb.fn.max('drawnAt').as('at')).executeTakeFirst(),
      db().selectFrom('quizDaily').select((eb) => eb.fn.max('submittedAt').as('at')).executeTakeFirst(),
      db().selectFrom('enforcementActivity').select((eb) => eb.fn.max('loggedAt').as('at')).executeTakeFirst(),
    ];
    for (const check of checks) {
      const at = await latest(check);
      expect(at).not.toBe('');
      expect(at <= NOW_ISO).toBe(true);
    }
    const checkedInEarly = await db()
      .selectFrom('eventSignUp')
      .innerJoin('event', 'event.id', 'eventSignUp.eventId')
      .select('event.id')
      .where('eventSignUp.checkedInAt', 'is not', null)
      .where((eb) => eb.or([eb('event.status', '<>', 'published'), eb('event.endsAt', '>', NOW_ISO)]))
      .execute();
    expect(checkedInEarly).toEqual([]);
  });

  test('sign-ups within capacity, papers scored only in time, daily sets drawn as the server draws them', async () => {
    const events = await db().selectFrom('event').select(['id', 'capacity', 'signedUp']).execute();
    const people = await db()
      .selectFrom('eventSignUp')
      .select(['eventId', (eb) => eb.fn.sum<number>('people').as('people')])
      .where('cancelledAt', 'is', null)
      .groupBy('eventId')
      .execute();
    const peopleOf = new Map(people.map((p) => [p.eventId, count(p.people)]));
    for (const event of events) {
      expect(count(event.signedUp)).toBe(peopleOf.get(event.id) ?? 0);
      if (event.capacity !== null) expect(count(event.signedUp)).toBeLessThanOrEqual(count(event.capacity));
    }
    const attempts = await db()
      .selectFrom('contestAttempt')
      .select(['deadlineAt', 'submittedAt', 'score'])
      .where('submittedAt', 'is not', null)
      .execute();
    for (const attempt of attempts) {
      const late = Date.parse(attempt.submittedAt!) > Date.parse(attempt.deadlineAt) + 10_000;
      expect(attempt.score === null).toBe(late);
    }
    const active = await db().selectFrom('quizQuestion').select('id').where('law', '=', 'civil-code').where('retired', '=', 0).execute();
    const bank = active.map((q) => q.id);
    const daily = await db().selectFrom('quizDaily').select(['userId', 'date', 'questionIds']).limit(200).execute();
    for (const row of daily) expect(JSON.parse(row.questionIds)).toEqual(dailyDraw(row.userId, row.date, bank));
  });
});

describe('the ledger agrees with the database', () => {
  const grouped = async (column: 'kind' | 'categoryId' | 'status') => {
    const rows = await db()
      .selectFrom('feedbackItem')
      .select([column, (eb) => eb.fn.countAll().as('n')])
      .groupBy(column)
      .execute();
    return Object.fromEntries(rows.map((row) => [(row as Record<string, unknown>)[column] as string, count(row.n)]));
  };
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

  test('feedback by kind, category and status; replied, flagged, overdue; history rows', async () => {
    expect(await grouped('kind')).toEqual(nonZero(ledger.feedback.byKind));
    expect(await grouped('categoryId')).toEqual(nonZero(ledger.feedback.byCategory));
    expect(await grouped('status')).toEqual(nonZero(ledger.feedback.byStatus));
    const replied = await db()
      .selectFrom('feedbackEvent')
      .select((eb) => eb.fn.count('itemId').distinct().as('n'))
      .where('action', '=', 'replied')
      .executeTakeFirstOrThrow();
    expect(count(replied.n)).toBe(ledger.feedback.replied);
    const flagged = await db()
      .selectFrom('feedbackItem')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('flagged', '=', 1)
      .executeTakeFirstOrThrow();
    expect(count(flagged.n)).toBe(ledger.feedback.flagged);
    const today = shanghaiDateOf(NOW);
    const overdue = await db()
      .selectFrom('feedbackItem')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['pending', 'accepted'])
      .where('replyDue', '<', today)
      .executeTakeFirstOrThrow();
    expect(count(overdue.n)).toBe(ledger.feedback.overdueNow);
    const history = await db().selectFrom('feedbackEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(count(history.n)).toBe(ledger.feedback.historyRows);
    const byCommunity = await db()
      .selectFrom('feedbackItem')
      .innerJoin('station', 'station.id', 'feedbackItem.stationId')
      .select(['station.communityId', (eb) => eb.fn.countAll().as('n')])
      .groupBy('station.communityId')
      .execute();
    for (const row of byCommunity) {
      expect(count(row.n)).toBe(ledger.feedback.items.filter((i) => i.communityId === row.communityId).length);
    }
  });

  test('first-reply hours and ratings, item by item', async () => {
    const firstReplies = await db()
      .selectFrom('feedbackItem')
      .innerJoin('feedbackEvent', 'feedbackEvent.itemId', 'feedbackItem.id')
      .select(['feedbackItem.id', 'feedbackItem.submittedAt', (eb) => eb.fn.min('feedbackEvent.at').as('firstReplyAt')])
      .where('feedbackEvent.action', '=', 'replied')
      .groupBy(['feedbackItem.id', 'feedbackItem.submittedAt'])
      .execute();
    const hours = firstReplies.map((r) => hoursBetween(r.submittedAt, r.firstReplyAt as string)).sort((a, b) => a - b);
    expect(hours).toEqual([...ledger.feedback.firstReplyHours].sort((a, b) => a - b));
    const byId = new Map(ledger.feedback.items.map((i) => [i.id, i]));
    for (const reply of firstReplies) expect(byId.get(reply.id)?.firstReplyAt).toBe(reply.firstReplyAt);
    const ratings = await db().selectFrom('feedbackItem').select('ratingStars').where('ratingStars', 'is not', null).execute();
    expect(ratings.map((r) => count(r.ratingStars)).sort()).toEqual([...ledger.feedback.ratings].sort());
  });

  test('the annual figures, each counted in SQL by the definitions of issue 8', async () => {
    const n = async (query: { executeTakeFirstOrThrow: () => Promise<{ n: unknown }> }) => count((await query.executeTakeFirstOrThrow()).n);
    const items = db()
      .selectFrom('feedbackItem')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('submittedAt', '>=', YEAR_START)
      .where('submittedAt', '<', YEAR_END);
    const held = await db()
      .selectFrom('event')
      .select(['id', 'attendance'])
      .where('status', '=', 'published')
      .where('startsAt', '>=', YEAR_START)
      .where('startsAt', '<', YEAR_END)
      .where('endsAt', '<=', NOW_ISO)
      .execute();
    const checkedIn = await db()
      .selectFrom('eventSignUp')
      .select(['eventId', (eb) => eb.fn.sum<number>('people').as('people')])
      .where('checkedInAt', 'is not', null)
      .groupBy('eventId')
      .execute();
    const checkedInOf = new Map(checkedIn.map((c) => [c.eventId, count(c.people)]));
    const scored = await n(
      db()
        .selectFrom('contestAttempt')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('score', 'is not', null)
        .where('submittedAt', '>=', YEAR_START)
        .where('submittedAt', '<', YEAR_END),
    );
    const practised = await n(
      db()
        .selectFrom('quizDaily')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('submittedAt', '>=', YEAR_START)
        .where('submittedAt', '<', YEAR_END),
    );

    expect({
      sessions: await n(
        db()
          .selectFrom('sessionRecord')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('closedAt', '>=', YEAR_START)
          .where('closedAt', '<', YEAR_END),
      ),
      opinions: await n(items),
      responses: await n(
        items.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('feedbackEvent').select('seq').whereRef('feedbackEvent.itemId', '=', 'feedbackItem.id').where('action', '=', 'replied'),
          ),
        ),
      ),
      assessed: await n(items.where('flagged', '=', 1)),
      supervisorActivities: await n(
        db()
          .selectFrom('enforcementActivity')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('date', '>=', YEAR.from)
          .where('date', '<=', YEAR.to),
      ),
      events: held.length,
      eventAttendance: held.reduce((sum, e) => sum + (e.attendance === null ? (checkedInOf.get(e.id) ?? 0) : count(e.attendance)), 0),
      quizAttempts: scored + practised,
    }).toEqual(ledger.annual);
    expect(ledger.annual.quizAttempts).toBe(ledger.quiz.scoredAttempts + ledger.quiz.dailySubmitted);
    const takers = await db()
      .selectFrom('contestAttempt')
      .select((eb) => eb.fn.count('userId').distinct().as('n'))
      .where('score', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(count(takers.n)).toBe(ledger.quiz.takers);
  });
});

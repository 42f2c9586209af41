import { SHARER_CODE_PATTERN } from '../../src/core/sharing/schemas';
import { attributionFor } from '../../src/server/features/sharing/attribution';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import {
  bindGridWorker,
  cardOf,
  openCard,
  openContest,
  publishedEvent,
  startContest,
  takeDailyQuiz,
  type GridWorkerPerson,
} from '../support/sharing-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { submitItem } from '../support/feedback-fixture';
import { firstStation } from '../support/town-fixture';

// Share cards through the real server (issue 7, musts 4, 5 and 7): each grid worker's code, the open
// recorded once per visitor and item, forged codes recorded as unattributed, and what each worker's
// cards brought per item. The clock stands on Friday 4 December 2026, 10:00 in Shanghai.

let clock = new Date('2026-12-04T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let first: GridWorkerPerson;
let second: GridWorkerPerson;
let eventId: string;
let contestId: string;
const db = () => testApp.database.handle.db;

const opensOf = (kind: string, itemId: string) =>
  db().selectFrom('shareOpen').selectAll().where('kind', '=', kind as 'event').where('itemId', '=', itemId).execute();
const mine = (worker: GridWorkerPerson) => call({ url: '/me/shares', token: worker.token });
const figuresFor = async (worker: GridWorkerPerson, kind: string, itemId: string) =>
  (await mine(worker)).body.items.find((item: { kind: string; itemId: string }) => item.kind === kind && item.itemId === itemId);

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'share.desk', displayName: '赵科员' }, clock);
  first = await bindGridWorker(testApp, office, '网格员甲', 'chaotianzui-1');
  second = await bindGridWorker(testApp, office, '网格员乙', 'chaotianzui-2');
  eventId = await publishedEvent(testApp, office, '民法典进院坝', '2026-12-06T09:00:00+08:00', '2026-12-06T11:30:00+08:00');
  contestId = await openContest(testApp, office, '宪法宣传周知识竞赛');
});

afterAll(() => testApp.close());

describe('sharer codes', () => {
  test('each grid worker has a short code on 我的, the same every time and in their figures, and no two share one', async () => {
    expect(first.sharerCode).toMatch(SHARER_CODE_PATTERN);
    expect(second.sharerCode).toMatch(SHARER_CODE_PATTERN);
    expect(first.sharerCode).not.toBe(second.sharerCode);
    const me = await call({ url: '/me', token: first.token });
    expect(me.body.gridWorker).toMatchObject({ gridId: 'chaotianzui-1', sharerCode: first.sharerCode });
    const figures = await mine(first);
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ sharerCode: first.sharerCode, gridId: 'chaotianzui-1', gridName: '朝天咀社区第一网格' });
  });

  test('a resident has no sharer code and no figures of their own', async () => {
    const resident = await signInGuest(testApp);
    expect((await call({ url: '/me', token: resident.token })).body.gridWorker).toBeNull();
    expect((await call({ url: '/me/shares', token: resident.token })).status).toBe(403);
  });
});

describe('opening a shared card', () => {
  test('the first open of an item wins: a later card of another worker changes nothing', async () => {
    const resident = await signInGuest(testApp);
    const opened = await openCard(testApp, resident, 'event', eventId, cardOf(first));
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ attributed: true });
    const again = await openCard(testApp, resident, 'event', eventId, cardOf(second));
    expect(again.body).toEqual({ attributed: true });
    await openCard(testApp, resident, 'event', eventId, cardOf(first));

    const rows = (await opensOf('event', eventId)).filter((row) => row.visitorId === resident.userId);
    expect(rows).toEqual([expect.objectContaining({ sharerId: first.workerId, gridId: 'chaotianzui-1', openedOn: '2026-12-04' })]);
    expect(await attributionFor(db(), resident.userId, 'event', eventId)).toEqual({ gridId: 'chaotianzui-1', sharerId: first.workerId });
  });

  test('an open without a sharer comes first too: a worker card opened after it is not credited', async () => {
    const resident = await signInGuest(testApp);
    expect((await openCard(testApp, resident, 'quiz', 'daily/2026-12-04')).body).toEqual({ attributed: false });
    expect((await openCard(testApp, resident, 'quiz', 'daily/2026-12-04', cardOf(first))).body).toEqual({ attributed: false });
    expect(await attributionFor(db(), resident.userId, 'quiz', 'daily/2026-12-04')).toBeNull();
    // Each day's quiz is an item of its own: the next day's card counts.
    expect((await openCard(testApp, resident, 'quiz', 'daily/2026-12-05', cardOf(first))).body).toEqual({ attributed: true });
  });

  test.each<[string, { sharer?: string; grid?: string }]>([
    ['an unknown code', { sharer: 'ZZZZZZ', grid: 'chaotianzui-1' }],
    ['a malformed code', { sharer: 'abc<script>', grid: 'chaotianzui-1' }],
    ['a real code with another grid', { sharer: '<first>', grid: 'chaotianzui-2' }],
    ['a real code with an unknown grid', { sharer: '<first>', grid: 'nowhere' }],
    ['a code without its grid', { sharer: '<first>' }],
    ['a grid without a code', { grid: 'chaotianzui-1' }],
  ])('%s is recorded as an unattributed open, never an error', async (_label, via) => {
    const resident = await signInGuest(testApp);
    const card = { ...via, ...(via.sharer === '<first>' && { sharer: first.sharerCode }) };
    const opened = await openCard(testApp, resident, 'contest', contestId, card);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ attributed: false });
    const rows = (await opensOf('contest', contestId)).filter((row) => row.visitorId === resident.userId);
    expect(rows).toEqual([expect.objectContaining({ sharerId: null, gridId: null })]);
  });

  test('the code of a worker the office has revoked no longer credits anyone', async () => {
    const leaving = await bindGridWorker(testApp, office, '网格员丙', 'chaotianzui-2');
    expect((await call({ method: 'POST', url: `/staff/grid-workers/${leaving.workerId}/revoke`, token: office })).status).toBe(200);
    const resident = await signInGuest(testApp);
    expect((await openCard(testApp, resident, 'event', eventId, cardOf(leaving))).body).toEqual({ attributed: false });
  });

  test('a grid worker opening their own card is not counted, but another worker’s card counts for its sharer', async () => {
    const summaryId = `${firstStation.id}/2026-11-30`;
    expect((await openCard(testApp, first, 'summary', summaryId, cardOf(first))).body).toEqual({ attributed: false });
    expect(await opensOf('summary', summaryId)).toEqual([]);
    expect(await figuresFor(first, 'summary', summaryId)).toBeUndefined();

    expect((await openCard(testApp, first, 'summary', summaryId, cardOf(second))).body).toEqual({ attributed: true });
    expect(await figuresFor(second, 'summary', summaryId)).toMatchObject({ opens: 1, title: `${firstStation.name} 11月30日接待日小结` });
  });

  test('bad input is refused with a clear message and records nothing', async () => {
    const resident = await signInGuest(testApp);
    const unknownEvent = await openCard(testApp, resident, 'event', '00000000-0000-0000-0000-000000000000', cardOf(first));
    expect(unknownEvent.status).toBe(404);
    expect(unknownEvent.body.message).toBe('分享的内容不存在或已删除');
    expect((await openCard(testApp, resident, 'quiz', 'weekly', cardOf(first))).status).toBe(404);
    expect((await openCard(testApp, resident, 'quiz', 'daily', cardOf(first))).status).toBe(404);
    expect((await openCard(testApp, resident, 'quiz', 'daily/2026-02-30', cardOf(first))).status).toBe(404);
    expect((await openCard(testApp, resident, 'session', `${firstStation.id}/2026-02-30`)).status).toBe(404);
    const badKind = await call({ method: 'POST', url: '/shares/opens', token: resident.token, body: { kind: 'poster', itemId: eventId } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toContain('分享内容类型不对');
    expect(await db().selectFrom('shareOpen').selectAll().where('visitorId', '=', resident.userId).execute()).toEqual([]);
  });

  test('opens are recorded for signed-in people only', async () => {
    expect((await call({ method: 'POST', url: '/shares/opens', body: { kind: 'event', itemId: eventId } })).status).toBe(401);
  });
});

describe('what a worker’s cards brought, per item', () => {
  let worker: GridWorkerPerson;
  const residents: SignedInPerson[] = [];

  beforeAll(async () => {
    worker = await bindGridWorker(testApp, office, '网格员丁', 'chaotianzui-1');
    for (let i = 0; i < 4; i += 1) residents.push(await signInGuest(testApp));
  });

  test('an event: opens, and the sign-ups that followed them (not cancelled ones, not others’)', async () => {
    const [a, b, c, d] = residents;
    for (const person of [a, b, c]) await openCard(testApp, person, 'event', eventId, cardOf(worker));
    const signUp = (person: SignedInPerson) => call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: person.token, body: {} });
    for (const person of [a, b, c, d]) expect((await signUp(person)).status).toBe(200);
    expect((await call({ method: 'POST', url: `/events/${eventId}/sign-ups/cancel`, token: c.token })).status).toBe(200);

    expect(await figuresFor(worker, 'event', eventId)).toEqual({
      kind: 'event',
      itemId: eventId,
      title: '民法典进院坝',
      opens: 3,
      signUps: 2,
      quizTakers: 0,
    });
  });

  test('the daily quiz: people who opened the card and took the quiz after it that day', async () => {
    const [a, b, c] = residents;
    // Took today's quiz before the card reached them: not brought by it.
    await takeDailyQuiz(testApp, c);
    clock = new Date('2026-12-04T11:00:00+08:00');
    for (const person of [a, b, c]) await openCard(testApp, person, 'quiz', 'daily/2026-12-04', cardOf(worker));
    clock = new Date('2026-12-04T11:05:00+08:00');
    await takeDailyQuiz(testApp, a);
    // Opened today, took it only the next day: not that day's visit.
    clock = new Date('2026-12-05T08:00:00+08:00');
    await takeDailyQuiz(testApp, b);
    clock = new Date('2026-12-04T10:00:00+08:00');

    expect(await figuresFor(worker, 'quiz', 'daily/2026-12-04')).toMatchObject({ title: '每日一练 12月4日', opens: 3, signUps: 0, quizTakers: 1 });
    // The attempt keeps the grid of the card of that day's quiz; one taken before the card came does not.
    const attemptOf = (person: SignedInPerson) =>
      db().selectFrom('quizDaily').select(['viaGridId', 'sharerId']).where('userId', '=', person.userId).where('date', '=', '2026-12-04').executeTakeFirstOrThrow();
    expect(await attemptOf(a)).toEqual({ viaGridId: 'chaotianzui-1', sharerId: worker.workerId });
    expect(await attemptOf(c)).toEqual({ viaGridId: null, sharerId: null });
  });

  test('a contest: people who opened the card and then started an attempt', async () => {
    const [a, b, , d] = residents;
    // Started before opening the card: not brought by it.
    clock = new Date('2026-12-04T09:30:00+08:00');
    await startContest(testApp, d, contestId);
    clock = new Date('2026-12-04T10:00:00+08:00');
    await openCard(testApp, d, 'contest', contestId, cardOf(worker));
    for (const person of [a, b]) await openCard(testApp, person, 'contest', contestId, cardOf(worker));
    await startContest(testApp, a, contestId);

    expect(await figuresFor(worker, 'contest', contestId)).toMatchObject({ title: '宪法宣传周知识竞赛', opens: 3, quizTakers: 1 });
    // The attempt keeps the grid of the card opened before it; one started before the card does not.
    const attemptOf = (person: SignedInPerson) =>
      db().selectFrom('contestAttempt').select(['viaGridId', 'sharerId']).where('contestId', '=', contestId).where('userId', '=', person.userId).executeTakeFirstOrThrow();
    expect(await attemptOf(a)).toEqual({ viaGridId: 'chaotianzui-1', sharerId: worker.workerId });
    expect(await attemptOf(d)).toEqual({ viaGridId: null, sharerId: null });
  });

  test('a session card is named by its station and date, and items come most recently opened first', async () => {
    const sessionId = `${firstStation.id}/2026-12-15`;
    clock = new Date('2026-12-04T12:00:00+08:00');
    await openCard(testApp, residents[0], 'session', sessionId, cardOf(worker));
    clock = new Date('2026-12-04T10:00:00+08:00');
    const items = (await mine(worker)).body.items;
    expect(items[0]).toEqual({ kind: 'session', itemId: sessionId, title: `${firstStation.name} 12月15日接待日`, opens: 1, signUps: 0, quizTakers: 0 });
    expect(items.map((item: { kind: string }) => item.kind).sort()).toEqual(['contest', 'event', 'quiz', 'session']);
  });
});

describe('what a visitor does keeps the card that brought them', () => {
  let worker: GridWorkerPerson;
  const signUp = (person: SignedInPerson, body: object) => call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: person.token, body });
  const signUpOf = (person: SignedInPerson) =>
    db().selectFrom('eventSignUp').select(['viaGridId', 'sharerId']).where('eventId', '=', eventId).where('userId', '=', person.userId).executeTakeFirstOrThrow();
  const openOf = (person: SignedInPerson) =>
    db().selectFrom('shareOpen').select(['sharerId', 'gridId']).where('visitorId', '=', person.userId).where('kind', '=', 'event').where('itemId', '=', eventId).execute();

  beforeAll(async () => {
    worker = await bindGridWorker(testApp, office, '网格员戊', 'chaotianzui-2');
  });

  test('a sign-up that carries the card it came from is attributed even when the open has not landed yet, and records that open', async () => {
    const resident = await signInGuest(testApp);
    expect((await signUp(resident, { people: 1, ...cardOf(worker) })).status).toBe(200);
    expect(await signUpOf(resident)).toEqual({ viaGridId: 'chaotianzui-2', sharerId: worker.workerId });
    expect(await openOf(resident)).toEqual([{ sharerId: worker.workerId, gridId: 'chaotianzui-2' }]);
    // The app's own report of the open arrives afterwards: nothing doubles.
    expect((await openCard(testApp, resident, 'event', eventId, cardOf(worker))).body).toEqual({ attributed: true });
    expect(await openOf(resident)).toHaveLength(1);
    expect(await figuresFor(worker, 'event', eventId)).toMatchObject({ opens: 1, signUps: 1 });
  });

  test('the card carried by a sign-up follows the rules of an open: the first open wins, a forged one counts for no one', async () => {
    const earlier = await signInGuest(testApp);
    await openCard(testApp, earlier, 'event', eventId, cardOf(first));
    expect((await signUp(earlier, cardOf(worker))).status).toBe(200);
    expect(await signUpOf(earlier)).toEqual({ viaGridId: 'chaotianzui-1', sharerId: first.workerId });

    const forged = await signInGuest(testApp);
    expect((await signUp(forged, { sharer: 'ZZZZZZ', grid: 'chaotianzui-2' })).status).toBe(200);
    expect(await signUpOf(forged)).toEqual({ viaGridId: null, sharerId: null });
    expect(await openOf(forged)).toEqual([{ sharerId: null, gridId: null }]);

    // The worker signing up through their own card reached nobody.
    expect((await signUp(worker, cardOf(worker))).status).toBe(200);
    expect(await signUpOf(worker)).toEqual({ viaGridId: null, sharerId: null });
    expect(await openOf(worker)).toEqual([]);
  });

  test('a feedback item keeps the session card that brought its submitter; an anonymous one never shows it to the office', async () => {
    const named = await signInGuest(testApp);
    const hidden = await signInGuest(testApp);
    const plain = await signInGuest(testApp);
    // The session the items join now is the one whose card was shared.
    const probe = await submitItem(testApp, plain.token);
    const sessionItem = `${firstStation.id}/${probe.session.originalDate}`;
    for (const person of [named, hidden]) await openCard(testApp, person, 'session', sessionItem, cardOf(worker));

    const namedItem = await submitItem(testApp, named.token);
    const hiddenItem = await submitItem(testApp, hidden.token, { anonymous: true });
    const attributionOf = (id: string) => db().selectFrom('feedbackItem').select(['viaGridId', 'sharerId']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await attributionOf(namedItem.id)).toEqual({ viaGridId: 'chaotianzui-2', sharerId: worker.workerId });
    expect(await attributionOf(hiddenItem.id)).toEqual({ viaGridId: 'chaotianzui-2', sharerId: worker.workerId });
    expect(await attributionOf(probe.id)).toEqual({ viaGridId: null, sharerId: null });

    const detail = await call({ url: `/staff/feedback/${hiddenItem.id}`, token: office });
    const inbox = await call({ url: '/staff/feedback', token: office });
    expect([detail.status, inbox.status]).toEqual([200, 200]);
    for (const raw of [detail.raw, inbox.raw]) {
      for (const trace of [worker.workerId, worker.sharerCode, 'chaotianzui-2', '朝天咀社区第二网格', hidden.userId]) expect(raw).not.toContain(trace);
    }
  });
});

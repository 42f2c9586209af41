import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { bindGridWorker, cardOf, openCard, openContest, publishedEvent, startContest, type GridWorkerPerson } from '../support/sharing-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

// The office's board of what shared cards brought per grid and community (issue 7, must 5): opens,
// sign-ups, quiz takers, people reached per 100 residents of the town configuration, and opens that
// named no valid sharer, over chosen Shanghai dates.

let clock = new Date('2026-12-03T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let firstGrid: GridWorkerPerson;
let secondGrid: GridWorkerPerson;
let village: GridWorkerPerson;
let eventId: string;
let contestId: string;
const db = () => testApp.database.handle.db;

interface BoardRow {
  id: string;
  name: string;
  population: number | null;
  opens: number;
  signUps: number;
  quizTakers: number;
  reachRate: number | null;
}

const board = (query = '') => call({ url: `/staff/shares${query}`, token: office });
const rowOf = (rows: BoardRow[], id: string) => rows.find((row) => row.id === id);

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  // Populations as the town configuration gives them; a village whose population is not known.
  await db().updateTable('community').set({ population: 400 }).where('id', '=', 'chaotianzui').execute();
  await db().updateTable('grid').set({ population: 200 }).where('id', '=', 'chaotianzui-1').execute();
  await db().updateTable('grid').set({ population: null }).where('id', '=', 'chaotianzui-2').execute();
  await db().insertInto('community').values({ id: 'xinqiao', name: '新桥村', kind: '村', population: null }).execute();
  await db().insertInto('grid').values({ id: 'xinqiao-1', name: '新桥村第一网格', communityId: 'xinqiao', population: 30 }).execute();

  office = await signInStaff(testApp, { username: 'board.desk', displayName: '孙科员' }, clock);
  firstGrid = await bindGridWorker(testApp, office, '网格员甲', 'chaotianzui-1');
  secondGrid = await bindGridWorker(testApp, office, '网格员乙', 'chaotianzui-2');
  village = await bindGridWorker(testApp, office, '网格员丙', 'xinqiao-1');
  eventId = await publishedEvent(testApp, office, '民法典进院坝', '2026-12-06T09:00:00+08:00', '2026-12-06T11:30:00+08:00');
  contestId = await openContest(testApp, office, '宪法宣传周知识竞赛');

  // 3 December: three people open the first grid's event card, two sign up; one opens the second
  // grid's contest card and takes it; a forged card is opened once.
  const people: SignedInPerson[] = [];
  for (let i = 0; i < 6; i += 1) people.push(await signInGuest(testApp));
  const [a, b, c, d, e, f] = people;
  for (const person of [a, b, c]) await openCard(testApp, person, 'event', eventId, cardOf(firstGrid));
  for (const person of [a, b]) await call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: person.token, body: {} });
  await openCard(testApp, d, 'contest', contestId, cardOf(secondGrid));
  clock = new Date('2026-12-03T10:10:00+08:00');
  await startContest(testApp, d, contestId);
  await openCard(testApp, e, 'event', eventId, { sharer: 'ZZZZZZ', grid: 'chaotianzui-1' });

  // 4 December, just after midnight in Shanghai (still 3 December in UTC): a opens the first grid's
  // contest card too (reached once, opened twice); f opens the village's event card and signs up.
  clock = new Date('2026-12-04T00:30:00+08:00');
  await openCard(testApp, a, 'contest', contestId, cardOf(firstGrid));
  await openCard(testApp, f, 'event', eventId, cardOf(village));
  await call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: f.token, body: {} });
  clock = new Date('2026-12-04T10:00:00+08:00');
  office = await signInStaff(testApp, { username: 'board.desk', displayName: '孙科员' }, clock);
});

afterAll(() => testApp.close());

test('per grid: opens, sign-ups, quiz takers and people reached per 100 residents; every grid listed', async () => {
  const answer = await board();
  expect(answer.status).toBe(200);
  expect(answer.body.byGrid).toEqual([
    { id: 'chaotianzui-1', name: '朝天咀社区第一网格', population: 200, opens: 4, signUps: 2, quizTakers: 0, reachRate: 1.5 },
    { id: 'chaotianzui-2', name: '朝天咀社区第二网格', population: null, opens: 1, signUps: 0, quizTakers: 1, reachRate: null },
    { id: 'xinqiao-1', name: '新桥村第一网格', population: 30, opens: 1, signUps: 1, quizTakers: 0, reachRate: 3.3 },
  ]);
  expect(answer.body.unattributedOpens).toBe(1);
});

test('per community: its grids together, each person reached counted once, against the community’s population', async () => {
  const { byCommunity } = (await board()).body;
  expect(rowOf(byCommunity, 'chaotianzui')).toEqual({
    id: 'chaotianzui',
    name: '朝天咀社区',
    population: 400,
    opens: 5,
    signUps: 2,
    quizTakers: 1,
    // a, b, c and d: 4 of 400.
    reachRate: 1,
  });
  expect(rowOf(byCommunity, 'xinqiao')).toEqual({ id: 'xinqiao', name: '新桥村', population: null, opens: 1, signUps: 1, quizTakers: 0, reachRate: null });
});

test('from and to are Shanghai dates, for opens and sign-ups alike', async () => {
  const thirdOnly = (await board('?from=2026-12-03&to=2026-12-03')).body;
  expect(rowOf(thirdOnly.byGrid, 'chaotianzui-1')).toMatchObject({ opens: 3, signUps: 2, reachRate: 1.5 });
  expect(rowOf(thirdOnly.byGrid, 'xinqiao-1')).toMatchObject({ opens: 0, signUps: 0, reachRate: 0 });
  expect(thirdOnly.unattributedOpens).toBe(1);

  const fourthOn = (await board('?from=2026-12-04')).body;
  expect(rowOf(fourthOn.byGrid, 'chaotianzui-1')).toMatchObject({ opens: 1, signUps: 0, reachRate: 0.5 });
  expect(rowOf(fourthOn.byGrid, 'xinqiao-1')).toMatchObject({ opens: 1, signUps: 1 });
  expect(fourthOn.unattributedOpens).toBe(0);
});

test('a cancelled sign-up no longer counts', async () => {
  const later = await signInGuest(testApp);
  await openCard(testApp, later, 'event', eventId, cardOf(village));
  await call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: later.token, body: {} });
  expect(rowOf((await board()).body.byGrid, 'xinqiao-1')).toMatchObject({ opens: 2, signUps: 2 });
  await call({ method: 'POST', url: `/events/${eventId}/sign-ups/cancel`, token: later.token });
  expect(rowOf((await board()).body.byGrid, 'xinqiao-1')).toMatchObject({ opens: 2, signUps: 1 });
});

test.each([
  ['?from=2026-12-4', '开始日期格式应为 2026-01-31'],
  ['?to=2026-02-30', '结束日期不是有效日期'],
  ['?from=2026-12-05&to=2026-12-04', '开始日期不能晚于结束日期'],
])('%s is refused: %s', async (query, message) => {
  const answer = await board(query);
  expect(answer.status).toBe(400);
  expect(answer.body.message).toContain(message);
});

test('the board is the office’s: a grid worker is refused', async () => {
  expect((await call({ url: '/staff/shares', token: firstGrid.token })).status).toBe(403);
});

import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// The office closes the sessions of one station out of order: 15 December on its day, 30 November
// only afterwards. No item may be carried into a session that has already closed.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let resident: SignedInPerson;
const items: Record<string, string> = {};
const STATION = firstStation.id;
const sessionUrl = (date: string, what: string) => `/staff/stations/${STATION}/sessions/${date}/${what}`;

async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'wang.keyuan', displayName: '王科员' }, clock);
}

const close = (date: string) => call({ method: 'POST', url: sessionUrl(date, 'close'), token: office, body: {} });
const agendaIds = async (date: string) =>
  (await call({ url: sessionUrl(date, 'agenda'), token: office })).body.items.map((i: { id: string }) => i.id);
const mine = async (name: string) => (await call({ url: `/feedback/mine/${items[name]}`, token: resident.token })).body;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  resident = await signInGuest(testApp);
  await standOn('2026-11-26T10:00:00+08:00');
  items.forgotten = (await submitItem(testApp, resident.token, { content: '河堤步道的路灯坏了一个多月，晚上很危险。' })).id;
  clock = new Date('2026-11-26T10:01:00+08:00');
  items.answered = (await submitItem(testApp, resident.token, { content: '菜市场门口每天早上都有占道经营，车辆无法通行。' })).id;
  await standOn('2026-11-30T10:00:00+08:00');
  const replied = await call({
    method: 'POST',
    url: `/staff/feedback/${items.answered}/actions`,
    token: office,
    body: { action: 'reply', text: '已联系城管中队，本周内清理占道摊点。' },
  });
  expect(replied.status).toBe(200);
  clock = new Date('2026-12-01T10:00:00+08:00');
  items.december = (await submitItem(testApp, resident.token, { content: '小区门口夜市占道，垃圾无人清理。' })).id;
});

afterAll(() => testApp.close());

test('closing an earlier session after a later one carries its open items past the closed one', async () => {
  await standOn('2026-12-15T10:00:00+08:00');
  expect((await close('2026-12-15')).status).toBe(200);
  expect(await agendaIds('2026-12-30')).toEqual([items.december]);

  clock = new Date('2026-12-15T10:30:00+08:00');
  const closed = await close('2026-11-30');
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({
    originalDate: '2026-11-30',
    raised: 2,
    answered: 1,
    carriedOver: 1,
    carriedTo: { originalDate: '2026-12-30', closed: false },
    carriedItemIds: [items.forgotten],
  });
  expect(await agendaIds('2026-12-15')).toEqual([]);
  expect(await agendaIds('2026-12-30')).toEqual([items.forgotten, items.december]);
  expect((await mine('forgotten')).events.at(-1)).toMatchObject({ action: 'moved', movedFrom: '2026-11-30', movedTo: '2026-12-30' });
});

test('sent on site to a session the office has already closed, an item goes on to the next open one', async () => {
  clock = new Date('2026-12-15T11:00:00+08:00');
  const item = await submitItem(testApp, resident.token, { onSite: true, content: '驿站门前的公告栏被小广告贴满了。' });
  expect(item.session.originalDate).toBe('2026-12-30');
});

test('an item reopened by a low rating after its session closed goes to the next open session, and its history says so', async () => {
  await standOn('2026-12-16T09:00:00+08:00');
  const rated = await call({ method: 'POST', url: `/feedback/mine/${items.answered}/rating`, token: resident.token, body: { stars: 1 } });
  expect(rated.status).toBe(200);
  expect(rated.body).toMatchObject({ status: 'accepted', session: { originalDate: '2026-12-30', closed: false } });
  expect(rated.body.events.slice(-3).map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
    ['rated', '我'],
    ['reopened', '系统'],
    ['moved', '系统'],
  ]);
  expect(rated.body.events.at(-1)).toMatchObject({
    movedFrom: '2026-11-30',
    movedTo: '2026-12-30',
    text: '退回重新办理时原接待日已结束，转入下一次接待日',
  });
  expect(await agendaIds('2026-12-30')).toContain(items.answered);
  expect(await agendaIds('2026-11-30')).not.toContain(items.answered);
  // The closed session's published summary is left as it was.
  const summary = (await call({ url: `/stations/${STATION}/sessions/2026-11-30/summary` })).body;
  expect(summary).toMatchObject({ raised: 2, answered: 1, carriedOver: 1 });
});

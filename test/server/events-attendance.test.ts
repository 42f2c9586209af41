import { apiCaller, bindSupervisor, signInGuest, signInStaff } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// The office's count of the people at an event (issue 8): a stall on 3·15 has no sign-ups, so this is
// how its audience reaches the figures. Recorded once the event has begun; a later count replaces it.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
const db = () => testApp.database.handle.db;

function eventInput(fields: Record<string, unknown> = {}) {
  return {
    title: '3·15 消费者权益日集中宣传',
    type: 'campaign',
    theme: '消费者权益保护',
    law: '消费者权益保护法',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    place: { name: '白沙老街广场', address: null, latitude: null, longitude: null },
    communityId: 'chaotianzui',
    organiser: '白沙镇法治建设科',
    capacity: null,
    description: '摆摊发放宣传资料，现场解答消费纠纷和维权途径。',
    ...fields,
  };
}

async function standOn(instant: string): Promise<void> {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'sun.keyuan', displayName: '孙科员' }, clock);
}

async function createdEvent(fields: Record<string, unknown> = {}, publish = true): Promise<string> {
  const created = await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput(fields) });
  expect(created.status).toBe(200);
  if (publish) expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

/** As the office unless another token, or null for nobody signed in, is given. */
const record = (id: string, body: unknown, token: string | null = office) =>
  call({ method: 'PUT', url: `/staff/events/${id}/attendance`, token: token ?? undefined, body });
const attendanceOf = async (id: string) => (await db().selectFrom('event').select('attendance').where('id', '=', id).executeTakeFirstOrThrow()).attendance;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
});

afterAll(() => testApp.close());

beforeEach(() => standOn('2026-11-26T10:00:00+08:00'));

test('every view of an event, the residents’ and the office’s, carries the count: null until recorded', async () => {
  const id = await createdEvent();
  const resident = await signInGuest(testApp);
  const views = async () => [
    (await call({ url: `/events/${id}` })).body,
    (await call({ url: `/events/${id}`, token: resident.token })).body,
    (await call({ url: '/events?month=2026-11&past=1' })).body.events.find((e: { id: string }) => e.id === id),
    (await call({ url: '/staff/events', token: office })).body.events.find((e: { id: string }) => e.id === id),
    (await call({ url: `/staff/events/${id}/sign-ups`, token: office })).body.event,
  ];
  for (const view of await views()) expect(view).toMatchObject({ id, attendance: null });

  await standOn('2026-11-28T11:40:00+08:00');
  expect((await record(id, { attendance: 86 })).status).toBe(200);
  for (const view of await views()) expect(view).toMatchObject({ id, attendance: 86, timing: 'past' });
});

test('recorded from the event’s start, not a minute before; a later count replaces the first', async () => {
  const id = await createdEvent();
  await standOn('2026-11-28T08:59:00+08:00');
  expect(await record(id, { attendance: 20 })).toMatchObject({ status: 409, body: { code: 'EVENT_NOT_STARTED', message: '活动还没有开始，不能登记实到人数' } });
  expect(await attendanceOf(id)).toBeNull();

  await standOn('2026-11-28T09:00:00+08:00');
  const during = await record(id, { attendance: 20 });
  expect(during).toMatchObject({ status: 200, body: { id, attendance: 20, timing: 'ongoing', status: 'published', title: '3·15 消费者权益日集中宣传' } });

  await standOn('2026-12-01T15:00:00+08:00');
  expect(await record(id, { attendance: 57 })).toMatchObject({ status: 200, body: { attendance: 57, timing: 'past' } });
  const corrected = await record(id, { attendance: 0 });
  expect(corrected).toMatchObject({ status: 200, body: { attendance: 0 } });
  expect(await attendanceOf(id)).toBe(0);
});

test('a draft or a cancelled event has no count to record', async () => {
  const draft = await createdEvent({ startsAt: '2026-11-26T10:30:00+08:00', endsAt: '2026-11-26T12:00:00+08:00' }, false);
  const cancelled = await createdEvent({ startsAt: '2026-11-26T10:30:00+08:00', endsAt: '2026-11-26T12:00:00+08:00' });
  expect((await call({ method: 'POST', url: `/staff/events/${cancelled}/cancel`, token: office, body: { reason: '暴雨预警，改期另行通知' } })).status).toBe(200);

  await standOn('2026-11-26T11:00:00+08:00');
  expect(await record(draft, { attendance: 12 })).toMatchObject({ status: 409, body: { message: '活动还没有发布，不能登记实到人数' } });
  expect(await record(cancelled, { attendance: 12 })).toMatchObject({ status: 409, body: { message: '活动已取消，不能登记实到人数' } });
  expect(await attendanceOf(draft)).toBeNull();
  expect(await attendanceOf(cancelled)).toBeNull();
  expect(await record('00000000-0000-0000-0000-000000000000', { attendance: 12 })).toMatchObject({
    status: 404,
    body: { message: '找不到这场活动，可能已被删除或还未发布' },
  });
});

test.each([
  ['a negative count', { attendance: -1 }, '实到人数不能为负数'],
  ['a fraction', { attendance: 2.5 }, '实到人数应为整数'],
  ['a number as text', { attendance: '30' }, '实到人数应为整数'],
  ['no count', {}, '实到人数应为整数'],
  ['more than 100,000', { attendance: 100_001 }, '实到人数过大，请核对'],
])('%s is refused with the reason, and the count recorded before stays', async (_what, body, message) => {
  const id = await createdEvent({ startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T11:00:00+08:00' });
  expect((await record(id, { attendance: 40 })).status).toBe(200);
  expect(await record(id, body)).toMatchObject({ status: 400, body: { message } });
  expect(await attendanceOf(id)).toBe(40);
});

test('only the office records it', async () => {
  const id = await createdEvent({ startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T11:00:00+08:00' });
  const resident = await signInGuest(testApp);
  const supervisor = await signInGuest(testApp);
  await bindSupervisor(testApp, office, supervisor, { name: '陈监督', certificateNo: 'BS-2026-011' });
  expect(await record(id, { attendance: 30 }, resident.token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  expect(await record(id, { attendance: 30 }, supervisor.token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  expect(await record(id, { attendance: 30 }, null)).toMatchObject({ status: 401, body: { message: '请先登录' } });
  expect(await attendanceOf(id)).toBeNull();
});

import ExcelJS from 'exceljs';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// The office's events (issue 7, musts 3 and 7): create, edit, publish, cancel with notices, the
// sign-up list and its export, and check-in at the door. Pinned to Thursday 26 November 2026 in Shanghai.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let staffId: string;
const db = () => testApp.database.handle.db;

function eventInput(fields: Record<string, unknown> = {}) {
  return {
    title: '民法典进院坝',
    type: 'yuanba',
    theme: '婚姻家庭编与继承编',
    law: '民法典',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    place: { name: '朝天咀社区院坝', address: null, latitude: null, longitude: null },
    communityId: 'chaotianzui',
    organiser: '白沙镇法治建设科',
    capacity: 10,
    description: '律师讲解遗嘱、赡养和婚姻家庭中的常见纠纷，现场答疑。',
    ...fields,
  };
}

async function put(url: string, token: string, body: object) {
  const response = await testApp.app.inject({ method: 'PUT', url: `/api${url}`, headers: { authorization: `Bearer ${token}` }, payload: body });
  return { status: response.statusCode, body: response.json() };
}

async function publishedEvent(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput(fields) });
  expect(created.status).toBe(200);
  expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

const signUp = async (id: string, person: SignedInPerson, people = 1) =>
  expect((await call({ method: 'POST', url: `/events/${id}/sign-ups`, token: person.token, body: { people } })).status).toBe(200);

const eventCount = async () => Number((await db().selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'wang.keyuan', displayName: '王科员' }, clock);
  staffId = (await db().selectFrom('staffAccount').select('id').where('username', '=', 'wang.keyuan').executeTakeFirstOrThrow()).id;
});

afterAll(() => testApp.close());

describe('creating and editing', () => {
  test('a new event is a draft, listed for the office only, until it is published', async () => {
    const created = await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput() });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', signedUp: 0, placesLeft: 10, communityName: '朝天咀社区', law: '民法典', cancelReason: null });
    expect((await call({ url: '/events' })).body.events).toEqual([]);
    expect((await call({ url: '/staff/events', token: office })).body.events.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

    const published = await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office });
    expect(published.body).toMatchObject({ status: 'published', timing: 'upcoming' });
    expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).body.status).toBe('published');
    expect((await call({ url: '/events' })).body.events.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
  });

  test('bad events are refused with the reason, and nothing is stored', async () => {
    const before = await eventCount();
    const refused = async (fields: Record<string, unknown>, status: number, message: string) =>
      expect(await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput(fields) })).toMatchObject({ status, body: { message } });
    await refused({ endsAt: '2026-11-28T08:00:00+08:00' }, 400, '结束时间应晚于开始时间');
    await refused({ endsAt: '2026-11-28T09:00:00+08:00' }, 400, '结束时间应晚于开始时间');
    await refused({ capacity: 0 }, 400, '名额至少 1 人');
    await refused({ capacity: 2.5 }, 400, '名额应为整数');
    await refused({ capacity: 5001 }, 400, '名额最多 5000 人');
    await refused({ communityId: 'nowhere' }, 400, '找不到这个社区或村，请重新选择');
    await refused({ startsAt: '11月28日上午9点' }, 400, '开始时间应为带时区的日期时间，如 2026-12-04T09:00:00+08:00');
    await refused({ description: '太短了' }, 400, '活动介绍至少 10 个字');
    await refused({ startsAt: '2026-11-20T09:00:00+08:00', endsAt: '2026-11-20T11:00:00+08:00' }, 400, '结束时间已经过去，不能新建已结束的活动');
    expect(await eventCount()).toBe(before);
  });

  test('residents and passers-by cannot reach the office’s routes', async () => {
    const resident = await signInGuest(testApp);
    const before = await eventCount();
    expect((await call({ method: 'POST', url: '/staff/events', token: resident.token, body: eventInput() })).status).toBe(403);
    expect((await call({ method: 'POST', url: '/staff/events', body: eventInput() })).status).toBe(401);
    expect((await call({ url: '/staff/events', token: resident.token })).status).toBe(403);
    const id = await publishedEvent();
    expect((await call({ url: `/staff/events/${id}/sign-ups`, token: resident.token })).status).toBe(403);
    expect((await call({ method: 'POST', url: `/staff/events/${id}/cancel`, token: resident.token, body: { reason: '不想办了' } })).status).toBe(403);
    expect((await call({ method: 'POST', url: `/staff/events/${id}/check-ins`, token: resident.token, body: { code: 'ABCDEFGH' } })).status).toBe(403);
    expect(await eventCount()).toBe(before + 1);
  });

  test('an edit may not leave fewer places than the people signed up', async () => {
    const id = await publishedEvent();
    await signUp(id, await signInGuest(testApp), 2);
    await signUp(id, await signInGuest(testApp), 1);
    expect(await put(`/staff/events/${id}`, office, eventInput({ capacity: 2 }))).toMatchObject({
      status: 409,
      body: { message: '已有 3 人报名，名额不能少于 3 人' },
    });
    expect((await call({ url: `/events/${id}` })).body).toMatchObject({ capacity: 10, placesLeft: 7 });
    const edited = await put(`/staff/events/${id}`, office, eventInput({ capacity: 3, title: '民法典进院坝（第二场）', law: null }));
    expect(edited).toMatchObject({ status: 200, body: { capacity: 3, placesLeft: 0, title: '民法典进院坝（第二场）', law: null } });
    expect((await put(`/staff/events/${id}`, office, eventInput({ capacity: null }))).body).toMatchObject({ capacity: null, placesLeft: null });
    expect(await put(`/staff/events/${id}`, office, eventInput({ endsAt: '2026-11-27T09:00:00+08:00' }))).toMatchObject({
      status: 400,
      body: { message: '结束时间应晚于开始时间' },
    });
  });
});

describe('cancelling', () => {
  test('every person signed up is told through the outbox, once; the event stays listed with its reason', async () => {
    const id = await publishedEvent({ title: '国家宪法日宪法宣传周集中宣传活动' });
    const [a, b, gone] = [await signInGuest(testApp), await signInGuest(testApp), await signInGuest(testApp)];
    await signUp(id, a, 2);
    await signUp(id, b);
    await signUp(id, gone);
    expect((await call({ method: 'POST', url: `/events/${id}/sign-ups/cancel`, token: gone.token })).status).toBe(200);

    expect(await call({ method: 'POST', url: `/staff/events/${id}/cancel`, token: office, body: { reason: '雨' } })).toMatchObject({
      status: 400,
      body: { message: '取消原因（报名的人会收到）至少 2 个字' },
    });
    const cancelled = await call({ method: 'POST', url: `/staff/events/${id}/cancel`, token: office, body: { reason: '暴雨预警，改期另行通知' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，改期另行通知' });
    expect(await call({ method: 'POST', url: `/staff/events/${id}/cancel`, token: office, body: { reason: '再取消一次' } })).toMatchObject({
      status: 409,
      body: { message: '这场活动已经取消了' },
    });
    const notices = await db()
      .selectFrom('notificationOutbox')
      .select(['userId', 'template', 'payload', 'status'])
      .where('dedupeKey', 'like', `event-cancelled:${id}:%`)
      .execute();
    expect(await db().selectFrom('notificationOutbox').select('id').execute()).toHaveLength(2);
    expect(notices.map((n) => n.userId).sort()).toEqual([a.userId, b.userId].sort());
    // The event template, which the event's page asks for on 报名: the title, the start and the reason.
    expect(notices.every((n) => n.template === 'event' && n.status === 'pending')).toBe(true);
    expect(JSON.parse(notices[0].payload)).toEqual({
      thing1: { value: '国家宪法日宪法宣传周集中宣传活动' },
      time2: { value: '2026-11-28 09:00' },
      thing3: { value: '已取消：暴雨预警，改期另行通知' },
    });
    expect((await call({ url: '/events' })).body.events.find((e: { id: string }) => e.id === id)).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，改期另行通知' });
    expect(await put(`/staff/events/${id}`, office, eventInput())).toMatchObject({ status: 409, body: { message: '活动已取消，不能再修改' } });
    expect(await call({ method: 'POST', url: `/staff/events/${id}/publish`, token: office })).toMatchObject({ status: 409, body: { message: '活动已取消，不能发布' } });
  });
});

describe('the sign-up list, its export and check-in', () => {
  let eventId: string;
  let resident: SignedInPerson;
  let supervisor: SignedInPerson;
  let gridWorker: SignedInPerson;
  let shared: SignedInPerson;
  let gridWorkerId: string;
  const residentSignUpId = async (person: SignedInPerson) =>
    (await db().selectFrom('eventSignUp').select('id').where('eventId', '=', eventId).where('userId', '=', person.userId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    eventId = await publishedEvent({ title: '法治宣讲进社区', type: 'lecture' });
    resident = await signInGuest(testApp);
    supervisor = await signInGuest(testApp);
    await bindSupervisor(testApp, office, supervisor, { name: '陈监督', certificateNo: 'BS-2026-07' });
    gridWorker = await signInGuest(testApp);
    const registered = await call({ method: 'POST', url: '/staff/grid-workers', token: office, body: { name: '刘网格', gridId: 'chaotianzui-2' } });
    gridWorkerId = registered.body.id;
    const code = await call({ method: 'POST', url: `/staff/grid-workers/${registered.body.id}/binding-code`, token: office });
    expect((await call({ method: 'POST', url: '/me/bind', token: gridWorker.token, body: { code: code.body.code } })).status).toBe(200);
    // A resident who came through the grid worker's card: the app reports the open of the shared path.
    const { sharerCode } = (await call({ url: '/me/shares', token: gridWorker.token })).body;
    shared = await signInGuest(testApp);
    const opened = await call({
      method: 'POST',
      url: '/shares/opens',
      token: shared.token,
      body: { kind: 'event', itemId: eventId, sharer: sharerCode, grid: 'chaotianzui-2' },
    });
    expect(opened).toMatchObject({ status: 200, body: { attributed: true } });

    for (const [person, people, at] of [
      [resident, 2, '10:01'],
      [supervisor, 1, '10:02'],
      [gridWorker, 1, '10:03'],
      [shared, 3, '10:04'],
    ] as const) {
      clock = new Date(`2026-11-26T${at}:00+08:00`);
      await signUp(eventId, person, people);
    }
  });

  test('lists who signed up: people with a public role by name, residents as 居民 with the start of their sign-up; never a user id or check-in code', async () => {
    const list = await call({ url: `/staff/events/${eventId}/sign-ups`, token: office });
    expect(list.status).toBe(200);
    expect(list.body.event).toMatchObject({ id: eventId, signedUp: 7, placesLeft: 3 });
    const code = (await call({ url: `/events/${eventId}/check-in-code`, token: resident.token })).body.code as string;
    const residentSignUp = await residentSignUpId(resident);
    expect(list.body.signUps.map((s: { who: string; people: number; viaGrid: string | null; checkedInAt: string | null }) => [s.who, s.people, s.viaGrid, s.checkedInAt])).toEqual([
      [`居民 ${residentSignUp.slice(0, 6)}`, 2, null, null],
      ['陈监督（执法监督员）', 1, null, null],
      ['刘网格（网格员）', 1, null, null],
      [`居民 ${(await residentSignUpId(shared)).slice(0, 6)}`, 3, '朝天咀社区第二网格', null],
    ]);
    for (const person of [resident, supervisor, gridWorker, shared]) expect(list.raw).not.toContain(person.userId);
    // Whoever reads the list could check the person in with their code: it is not in it, not even in part.
    expect(list.raw).not.toContain(code.slice(0, 4));
    const stored = await db().selectFrom('eventSignUp').select(['userId', 'viaGridId', 'sharerId']).where('eventId', '=', eventId).where('viaGridId', 'is not', null).execute();
    expect(stored).toEqual([{ userId: shared.userId, viaGridId: 'chaotianzui-2', sharerId: gridWorkerId }]);
  });

  test('check-in by the person’s code (as typed) or from the list; twice is the same record; a wrong code is refused', async () => {
    clock = new Date('2026-11-28T08:50:00+08:00');
    office = await signInStaff(testApp, { username: 'wang.keyuan', displayName: '王科员' }, clock);
    const code = (await call({ url: `/events/${eventId}/check-in-code`, token: resident.token })).body.code as string;
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const first = await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { code: typed } });
    expect(first).toMatchObject({ status: 200, body: { who: `居民 ${(await residentSignUpId(resident)).slice(0, 6)}`, people: 2, checkedInAt: '2026-11-28T00:50:00.000Z' } });
    clock = new Date('2026-11-28T09:05:00+08:00');
    const again = await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { code } });
    expect(again.body).toEqual(first.body);
    expect((await call({ url: `/events/${eventId}`, token: resident.token })).body.mine).toEqual({ signedUp: true, reminder: false, checkedIn: true });
    expect(await call({ method: 'POST', url: `/events/${eventId}/sign-ups/cancel`, token: resident.token })).toMatchObject({
      status: 409,
      body: { message: '您已经签到，不能取消报名' },
    });

    const list = await call({ url: `/staff/events/${eventId}/sign-ups`, token: office });
    const supervisorRow = list.body.signUps.find((s: { who: string }) => s.who.startsWith('陈监督'));
    const byList = await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { signUpId: supervisorRow.id } });
    expect(byList.body).toMatchObject({ id: supervisorRow.id, checkedInAt: '2026-11-28T01:05:00.000Z' });

    const wrong = await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { code: 'ABCD2345' } });
    expect(wrong).toMatchObject({ status: 404, body: { message: '签到码不对或不是本场活动的' } });
    // A code of another event is not this event's.
    const other = await publishedEvent({ title: '另一场活动', startsAt: '2026-11-28T14:00:00+08:00', endsAt: '2026-11-28T16:00:00+08:00' });
    const elsewhere = await signInGuest(testApp);
    await signUp(other, elsewhere);
    const otherCode = (await call({ url: `/events/${other}/check-in-code`, token: elsewhere.token })).body.code as string;
    expect(await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { code: otherCode } })).toMatchObject({
      status: 404,
      body: { message: '签到码不对或不是本场活动的' },
    });
    expect(await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { code: '12' } })).toMatchObject({
      status: 400,
    });
    const checkedIn = await db().selectFrom('eventSignUp').select('checkedInBy').where('checkedInAt', 'is not', null).execute();
    expect(checkedIn).toEqual([{ checkedInBy: staffId }, { checkedInBy: staffId }]);
  });

  test('the export opens in Excel with one row per sign-up, times in Shanghai', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/staff/events/${eventId}/sign-ups.xlsx`, headers: { authorization: `Bearer ${office}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('法治宣讲进社区-报名名单-2026-11-28.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('报名名单')!;
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const residentCode = (await call({ url: `/events/${eventId}/check-in-code`, token: resident.token })).body.code as string;
    expect(rows[0]).toEqual(['序号', '报名人', '人数', '报名时间', '签到时间', '经由网格']);
    expect(rows[1]).toEqual([1, `居民 ${(await residentSignUpId(resident)).slice(0, 6)}`, 2, '2026-11-26 10:01', '2026-11-28 08:50', '']);
    expect(JSON.stringify(rows)).not.toContain(residentCode.slice(0, 4));
    expect(rows[2]).toEqual([2, '陈监督（执法监督员）', 1, '2026-11-26 10:02', '2026-11-28 09:05', '']);
    expect(rows[3]).toEqual([3, '刘网格（网格员）', 1, '2026-11-26 10:03', '', '']);
    expect(rows[4]).toEqual([4, `居民 ${(await residentSignUpId(shared)).slice(0, 6)}`, 3, '2026-11-26 10:04', '', '朝天咀社区第二网格']);
    expect(rows).toHaveLength(5);
  });

  test('after the event no one is checked in or cancels any more', async () => {
    clock = new Date('2026-11-28T12:00:00+08:00');
    office = await signInStaff(testApp, { username: 'wang.keyuan', displayName: '王科员' }, clock);
    const signUpId = (await call({ url: `/staff/events/${eventId}/sign-ups`, token: office })).body.signUps[2].id as string;
    expect(await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { signUpId } })).toMatchObject({
      status: 409,
      body: { message: '活动已结束，不能再签到' },
    });
    expect(await call({ url: `/events/${eventId}/check-in-code`, token: gridWorker.token })).toMatchObject({ status: 409, body: { message: '活动已结束，签到码已失效' } });
    expect(await call({ method: 'POST', url: `/events/${eventId}/sign-ups/cancel`, token: gridWorker.token })).toMatchObject({
      status: 409,
      body: { message: '活动已结束，不能取消报名' },
    });
    expect(await call({ method: 'POST', url: `/staff/events/${eventId}/cancel`, token: office, body: { reason: '补录取消' } })).toMatchObject({
      status: 409,
      body: { message: '活动已结束，不能取消' },
    });
  });
});

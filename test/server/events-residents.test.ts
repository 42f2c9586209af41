import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// What residents see and do with events (issue 7, musts 1, 2 and 7), on a pinned clock: Thursday
// 26 November 2026, 10:00 in Shanghai.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let resident: SignedInPerson;
let neighbour: SignedInPerson;
const ids: Record<string, string> = {};

function eventInput(fields: Record<string, unknown> = {}) {
  return {
    title: '民法典进院坝',
    type: 'yuanba',
    theme: '婚姻家庭编与继承编',
    law: '民法典',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:30:00+08:00',
    place: { name: '朝天咀社区院坝', address: '朝天咀社区 3 组', latitude: 29.08, longitude: 106.14 },
    communityId: 'chaotianzui',
    organiser: '白沙镇法治建设科',
    capacity: 10,
    description: '律师讲解遗嘱、赡养和婚姻家庭中的常见纠纷，现场答疑。',
    ...fields,
  };
}

async function createEvent(fields: Record<string, unknown>, publish = true): Promise<string> {
  const created = await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput(fields) });
  expect(created.status).toBe(200);
  if (publish) expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

const signUp = (id: string, person: SignedInPerson, people?: number) =>
  call({ method: 'POST', url: `/events/${id}/sign-ups`, token: person.token, body: people === undefined ? {} : { people } });

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  // A second community, as the town's configuration would list it.
  await testApp.database.handle.db.insertInto('community').values({ id: 'xinglong', name: '兴隆村', kind: '村', population: null }).execute();

  // An event earlier in the month, created and held before today.
  clock = new Date('2026-11-01T10:00:00+08:00');
  office = await signInStaff(testApp, { username: 'li.keyuan', displayName: '李科员' }, clock);
  ids.past = await createEvent({ title: '宪法宣讲进村', type: 'lecture', startsAt: '2026-11-10T14:00:00+08:00', endsAt: '2026-11-10T16:00:00+08:00' });

  clock = new Date('2026-11-26T10:00:00+08:00');
  office = await signInStaff(testApp, { username: 'li.keyuan', displayName: '李科员' }, clock);
  ids.yuanba = await createEvent({});
  ids.draft = await createEvent({ title: '草稿中的活动', startsAt: '2026-11-30T09:00:00+08:00', endsAt: '2026-11-30T11:00:00+08:00' }, false);
  ids.cancelled = await createEvent({ title: '反诈宣传摆摊', type: 'campaign', startsAt: '2026-11-29T09:00:00+08:00', endsAt: '2026-11-29T12:00:00+08:00' });
  expect((await call({ method: 'POST', url: `/staff/events/${ids.cancelled}/cancel`, token: office, body: { reason: '预报大雨，改期另行通知' } })).status).toBe(200);
  ids.constitutionDay = await createEvent({
    title: '国家宪法日集中宣传',
    type: 'campaign',
    theme: '宪法宣传周',
    law: '宪法',
    startsAt: '2026-12-04T09:00:00+08:00',
    endsAt: '2026-12-04T12:00:00+08:00',
    capacity: null,
  });
  ids.village = await createEvent({
    title: '入户宣传',
    type: 'door_to_door',
    communityId: 'xinglong',
    startsAt: '2027-01-12T09:00:00+08:00',
    endsAt: '2027-01-12T17:00:00+08:00',
  });
  ids.tonight = await createEvent({ title: '夜间普法电影', type: 'special', startsAt: '2026-11-26T19:00:00+08:00', endsAt: '2026-11-26T21:00:00+08:00' });
  resident = await signInGuest(testApp);
  neighbour = await signInGuest(testApp);
});

afterAll(() => testApp.close());

describe('the month list', () => {
  test('this Shanghai month by default: its published and cancelled events (with the reason), then what comes after; no drafts, no past ones', async () => {
    const answer = await call({ url: '/events' });
    expect(answer.status).toBe(200);
    expect(answer.body.events.map((e: { id: string }) => e.id)).toEqual([ids.tonight, ids.yuanba, ids.cancelled, ids.constitutionDay, ids.village]);
    const cancelled = answer.body.events.find((e: { id: string }) => e.id === ids.cancelled);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '预报大雨，改期另行通知', timing: 'upcoming' });
    expect(answer.body.events.find((e: { id: string }) => e.id === ids.yuanba)).toMatchObject({
      communityName: '朝天咀社区',
      capacity: 10,
      signedUp: 0,
      placesLeft: 10,
      startsAt: '2026-11-28T01:00:00.000Z',
      place: { name: '朝天咀社区院坝', address: '朝天咀社区 3 组', latitude: 29.08, longitude: 106.14 },
    });
    expect(answer.body.communities).toEqual([
      { id: 'chaotianzui', name: '朝天咀社区' },
      { id: 'xinglong', name: '兴隆村' },
    ]);

    // 16:30 on 30 November UTC is already 1 December in Shanghai: the month shown follows Shanghai.
    const today = clock;
    clock = new Date('2026-11-30T16:30:00Z');
    const shanghaiDecember = await call({ url: '/events' });
    clock = today;
    expect(shanghaiDecember.body.events.map((e: { id: string }) => e.id)).toEqual([ids.constitutionDay, ids.village]);
  });

  test('past=1 keeps the month’s past events for reference, marked past', async () => {
    const answer = await call({ url: '/events?past=1' });
    expect(answer.body.events[0]).toMatchObject({ id: ids.past, timing: 'past' });
    expect(answer.body.events).toHaveLength(6);
  });

  test('a named month, filters by community and type', async () => {
    const december = await call({ url: '/events?month=2026-12' });
    expect(december.body.events.map((e: { id: string }) => e.id)).toEqual([ids.constitutionDay, ids.village]);
    const village = await call({ url: '/events?month=2026-11&communityId=xinglong' });
    expect(village.body.events.map((e: { id: string }) => e.id)).toEqual([ids.village]);
    const campaigns = await call({ url: '/events?type=campaign' });
    expect(campaigns.body.events.map((e: { id: string }) => e.id)).toEqual([ids.cancelled, ids.constitutionDay]);
  });

  test('the key dates of the month’s year, and of the next when the list reaches into it', async () => {
    const january = await call({ url: '/events?month=2027-01' });
    const names = january.body.keyDates.map((k: { id: string; from: string; to: string }) => `${k.id} ${k.from} ${k.to}`);
    expect(names).toContain('civil-code-month 2027-05-01 2027-05-31');
    expect(names).toContain('consumer-rights-day 2027-03-15 2027-03-15');
    expect(names.some((n: string) => n.includes('2026-'))).toBe(false);
    const december = await call({ url: '/events?month=2026-12' });
    const years = new Set(december.body.keyDates.map((k: { from: string }) => k.from.slice(0, 4)));
    expect([...years].sort()).toEqual(['2026', '2027']);
    expect(december.body.keyDates.find((k: { from: string }) => k.from === '2026-12-01')).toMatchObject({ name: '宪法宣传周', law: '宪法', to: '2026-12-07' });
  });

  test('bad filters are refused in Chinese', async () => {
    expect(await call({ url: '/events?month=2026-13' })).toMatchObject({ status: 400, body: { message: '月份格式应为 2026-12' } });
    expect(await call({ url: '/events?type=party' })).toMatchObject({ status: 400, body: { message: '活动类型不对' } });
    expect(await call({ url: '/events?communityId=nowhere' })).toMatchObject({ status: 400, body: { message: '找不到这个社区或村，请重新选择' } });
    expect(await call({ url: '/events?past=yes' })).toMatchObject({ status: 400, body: { message: 'past 应为 0 或 1' } });
  });
});

describe('one event', () => {
  test('anyone may read a published event; a draft is the office’s alone', async () => {
    expect(await call({ url: `/events/${ids.yuanba}` })).toMatchObject({ status: 200, body: { title: '民法典进院坝', mine: null } });
    expect(await call({ url: `/events/${ids.draft}`, token: resident.token })).toMatchObject({ status: 404, body: { message: '找不到这场活动，可能已被删除或还未发布' } });
    expect(await call({ url: `/events/${ids.draft}`, token: office })).toMatchObject({ status: 200, body: { status: 'draft' } });
    expect(await call({ url: '/events/not-an-id' })).toMatchObject({ status: 400, body: { message: '活动编号格式不对' } });
  });

  test('the phone-calendar file of a dated event; none for a cancelled or draft one', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/events/${ids.yuanba}/calendar.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = response.body.split('\r\n');
    expect(lines).toContain('DTSTART:20261128T010000Z');
    expect(lines).toContain('DTEND:20261128T033000Z');
    expect(lines).toContain('SUMMARY:民法典进院坝');
    expect(lines).toContain(`UID:event-${ids.yuanba}@fazhi-yizhan`);
    expect(response.body).toContain('LOCATION:朝天咀社区院坝，朝天咀社区 3 组');
    expect((await call({ url: `/events/${ids.cancelled}/calendar.ics` })).status).toBe(409);
    expect((await call({ url: `/events/${ids.draft}/calendar.ics` })).status).toBe(404);
  });
});

describe('sign-up', () => {
  test('signing up counts the people against the places; a second sign-up returns the first; cancelling gives them back', async () => {
    const first = await signUp(ids.yuanba, resident, 3);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ signedUp: 3, placesLeft: 7, mine: { signedUp: true, reminder: false, checkedIn: false } });
    const again = await signUp(ids.yuanba, resident, 1);
    expect(again.body).toMatchObject({ signedUp: 3, placesLeft: 7, mine: { signedUp: true } });
    const rows = await testApp.database.handle.db.selectFrom('eventSignUp').select(['people']).where('eventId', '=', ids.yuanba).execute();
    expect(rows).toEqual([{ people: 3 }]);

    const code = await call({ url: `/events/${ids.yuanba}/check-in-code`, token: resident.token });
    expect(code.status).toBe(200);
    expect(code.body.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(code.body.expiresAt).toBe('2026-11-28T03:30:00.000Z');

    const cancelled = await call({ method: 'POST', url: `/events/${ids.yuanba}/sign-ups/cancel`, token: resident.token });
    expect(cancelled.body).toMatchObject({ signedUp: 0, placesLeft: 10, mine: { signedUp: false } });
    const cancelledAgain = await call({ method: 'POST', url: `/events/${ids.yuanba}/sign-ups/cancel`, token: resident.token });
    expect(cancelledAgain.body).toMatchObject({ signedUp: 0, placesLeft: 10 });
    expect(await call({ url: `/events/${ids.yuanba}/check-in-code`, token: resident.token })).toMatchObject({ status: 404, body: { message: '您还没有报名这场活动' } });

    // Back again: the one person gets the same code, counted once.
    expect((await signUp(ids.yuanba, resident)).body).toMatchObject({ signedUp: 1, placesLeft: 9 });
    expect((await call({ url: `/events/${ids.yuanba}/check-in-code`, token: resident.token })).body.code).toBe(code.body.code);
    expect((await call({ url: `/events/${ids.yuanba}`, token: neighbour.token })).body.mine).toEqual({ signedUp: false, reminder: false, checkedIn: false });
  });

  test('no sign-up to a cancelled, unpublished or ended event', async () => {
    const cancelled = await signUp(ids.cancelled, resident);
    expect(cancelled).toMatchObject({ status: 409, body: { message: '活动已取消，不能报名（预报大雨，改期另行通知）' } });
    expect(await signUp(ids.draft, resident)).toMatchObject({ status: 409, body: { message: '活动还没有发布，暂不能报名' } });
    expect(await signUp(ids.past, resident)).toMatchObject({ status: 409, body: { message: '活动已结束，不能报名' } });
    const signUps = await testApp.database.handle.db.selectFrom('eventSignUp').select('eventId').where('userId', '=', resident.userId).execute();
    expect(signUps.map((s) => s.eventId)).toEqual([ids.yuanba]);
  });

  test('a full event answers 名额已满; too few places left says how many', async () => {
    const small = await createEvent({ title: '调解员面对面', capacity: 3, startsAt: '2026-11-27T09:00:00+08:00', endsAt: '2026-11-27T10:00:00+08:00' });
    expect((await signUp(small, resident, 2)).body).toMatchObject({ placesLeft: 1 });
    expect(await signUp(small, neighbour, 2)).toMatchObject({ status: 409, body: { message: '名额不足，只剩 1 个名额' } });
    expect((await signUp(small, neighbour, 1)).body).toMatchObject({ placesLeft: 0 });
    const third = await signInGuest(testApp);
    expect(await signUp(small, third)).toMatchObject({ status: 409, body: { message: '名额已满' } });
    // Unlimited places never fill.
    expect((await signUp(ids.constitutionDay, third, 5)).body).toMatchObject({ capacity: null, placesLeft: null, signedUp: 5 });
  });

  test('bad sign-ups are refused and change nothing; only people may sign up', async () => {
    expect(await signUp(ids.constitutionDay, neighbour, 6)).toMatchObject({ status: 400, body: { message: '一次最多为 5 人报名' } });
    expect(await signUp(ids.constitutionDay, neighbour, 0)).toMatchObject({ status: 400, body: { message: '至少 1 人' } });
    expect(await signUp(ids.constitutionDay, neighbour, 1.5)).toMatchObject({ status: 400, body: { message: '人数应为整数' } });
    expect(await call({ method: 'POST', url: `/events/${ids.constitutionDay}/sign-ups`, body: {} })).toMatchObject({ status: 401 });
    expect(await call({ method: 'POST', url: `/events/${ids.constitutionDay}/sign-ups`, token: office, body: {} })).toMatchObject({ status: 403 });
    expect((await call({ url: `/events/${ids.constitutionDay}` })).body.signedUp).toBe(5);
  });
});

describe('提醒我', () => {
  test('the wish is recorded once; asked on the day itself or for a cancelled event it is refused', async () => {
    const reminded = await call({ method: 'POST', url: `/events/${ids.constitutionDay}/reminder`, token: neighbour.token });
    expect(reminded).toMatchObject({ status: 200, body: { mine: { reminder: true, signedUp: false } } });
    expect((await call({ method: 'POST', url: `/events/${ids.constitutionDay}/reminder`, token: neighbour.token })).status).toBe(200);
    const wishes = await testApp.database.handle.db.selectFrom('eventReminder').select('userId').where('eventId', '=', ids.constitutionDay).execute();
    expect(wishes).toEqual([{ userId: neighbour.userId }]);
    expect(await call({ method: 'POST', url: `/events/${ids.tonight}/reminder`, token: neighbour.token })).toMatchObject({
      status: 409,
      body: { message: '活动就在今天，不再发送前一天的提醒' },
    });
    expect(await call({ method: 'POST', url: `/events/${ids.cancelled}/reminder`, token: neighbour.token })).toMatchObject({
      status: 409,
      body: { message: '活动已取消，不再发送提醒' },
    });
  });
});

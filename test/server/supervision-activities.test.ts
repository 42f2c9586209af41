import { randomUUID } from 'node:crypto';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// Supervisors' log of the enforcement actions they attended on site (issue 8, must 5): logged on the
// phone, never twice, and read by the office by date. Pinned to Thursday 26 November 2026 in Shanghai.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
/** Appointed from 1 March 2026: days before that are outside the term. */
let chen: SignedInPerson;
let zhou: SignedInPerson;
const db = () => testApp.database.handle.db;

function activity(fields: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    date: '2026-11-20',
    unit: '白沙镇综合行政执法大队',
    place: '白沙老街菜市场',
    observation: '执法人员亮证执法，先劝导后处罚，对占道经营的三户商户下达了整改通知。',
    ...fields,
  };
}

const log = (person: SignedInPerson, body: object) => call({ method: 'POST', url: '/supervision/activities', token: person.token, body });
const stored = async () => Number((await db().selectFrom('enforcementActivity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function supervisor(name: string, certificateNo: string, term: { termStart: string; termEnd: string }): Promise<SignedInPerson> {
  const person = await signInGuest(testApp);
  await bindSupervisor(testApp, office, person, { name, certificateNo, ...term });
  return person;
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'li.keyuan', displayName: '李科员' }, clock);
  chen = await supervisor('陈监督', 'BS-2026-001', { termStart: '2026-03-01', termEnd: '2027-12-31' });
  zhou = await supervisor('周监督', 'BS-2026-002', { termStart: '2026-01-01', termEnd: '2027-12-31' });
});

afterAll(() => testApp.close());

beforeEach(async () => {
  clock = new Date('2026-11-26T10:00:00+08:00');
  await db().deleteFrom('enforcementActivity').execute();
});

describe('logging an activity', () => {
  test('a supervisor logs what they saw; it is stored against their certificate and answered back', async () => {
    const body = activity({ unit: '  区交通运输综合行政执法支队  ', place: '   ' });
    const answer = await log(chen, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.any(String),
      date: '2026-11-20',
      unit: '区交通运输综合行政执法支队',
      place: null,
      observation: body.observation,
      loggedAt: clock.toISOString(),
    });
    const row = await db()
      .selectFrom('enforcementActivity')
      .innerJoin('supervisor', 'supervisor.id', 'enforcementActivity.supervisorId')
      .select(['supervisor.name', 'enforcementActivity.clientId'])
      .where('enforcementActivity.id', '=', answer.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '陈监督', clientId: body.clientId });
  });

  test('a retry with the same id answers the first entry, even if its fields changed, and stores nothing more', async () => {
    const body = activity();
    const first = await log(chen, body);
    clock = new Date('2026-11-26T18:00:00+08:00');
    const retried = await log(chen, { ...body, unit: '换了一个执法单位', observation: '重新填写了一遍观察到的情况，编号没有变。' });
    expect(retried).toEqual(first);
    expect(await stored()).toBe(1);

    // The id is the phone's: another supervisor's phone may happen to use it too.
    const other = await log(zhou, body);
    expect(other.status).toBe(200);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await stored()).toBe(2);
  });

  test('20 identical requests at once make one entry, and every answer is that entry', async () => {
    const body = activity();
    const answers = await Promise.all(Array.from({ length: 20 }, () => log(chen, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await stored()).toBe(1);
  });

  test('today in Shanghai may be logged, tomorrow may not, whatever the date in UTC', async () => {
    // 00:30 on the 27th in Shanghai is still the 26th in UTC.
    clock = new Date('2026-11-27T00:30:00+08:00');
    expect((await log(chen, activity({ date: '2026-11-27' }))).status).toBe(200);
    clock = new Date('2026-11-26T23:30:00+08:00');
    expect(await log(chen, activity({ date: '2026-11-27' }))).toMatchObject({ status: 400, body: { message: '日期不能晚于今天' } });
    expect(await stored()).toBe(1);
  });

  test('the first day of the term may be logged, the day before may not', async () => {
    expect((await log(chen, activity({ date: '2026-03-01' }))).status).toBe(200);
    expect(await log(chen, activity({ date: '2026-02-28' }))).toMatchObject({
      status: 400,
      body: { code: 'ACTIVITY_BEFORE_TERM', message: '日期不能早于聘期开始日（2026-03-01）' },
    });
    expect(await stored()).toBe(1);
  });

  const long = (n: number) => '查'.repeat(n);
  test.each([
    ['no client id', { clientId: undefined }, '缺少提交编号'],
    ['a client id that is not a UUID', { clientId: 'retry-1' }, '提交编号格式不对'],
    ['no date', { date: undefined }, '日期不能为空'],
    ['a number for the date', { date: 20261120 }, '日期应为一个日期，格式如 2026-01-31'],
    ['30 February', { date: '2026-02-30' }, '日期应为存在的日期，格式如 2026-01-31'],
    ['a date in words', { date: '11月20日' }, '日期应为存在的日期，格式如 2026-01-31'],
    ['tomorrow', { date: '2026-11-27' }, '日期不能晚于今天'],
    ['a day before the term', { date: '2026-02-28' }, '日期不能早于聘期开始日（2026-03-01）'],
    ['no unit', { unit: undefined }, '请填写执法单位'],
    ['a one-character unit', { unit: ' 队 ' }, '请填写执法单位'],
    ['a unit of 101 characters', { unit: long(101) }, '执法单位最多 100 个字'],
    ['a number for the place', { place: 5 }, '地点应为文字'],
    ['a place of 101 characters', { place: long(101) }, '地点最多 100 个字'],
    ['no observation', { observation: undefined }, '请填写观察到的情况'],
    ['an observation of 5 characters once trimmed', { observation: '  很规范。  ' }, '观察到的情况至少 10 个字'],
    ['an observation of 2001 characters', { observation: long(2001) }, '观察到的情况最多 2000 个字'],
  ])('%s is refused with the reason, and nothing is stored', async (_what, fields, message) => {
    const answer = await log(chen, activity(fields));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(message);
    expect(await stored()).toBe(0);
  });

  test('a refused entry does not use up its id: corrected and sent again, it is stored', async () => {
    const body = activity({ date: '2026-11-27' });
    expect((await log(chen, body)).status).toBe(400);
    const corrected = await log(chen, { ...body, date: '2026-11-26' });
    expect(corrected).toMatchObject({ status: 200, body: { date: '2026-11-26' } });
    expect(await stored()).toBe(1);
  });
});

describe('who may log', () => {
  test('residents, office staff and passers-by may not log, nor a supervisor read the office’s list; nothing is stored', async () => {
    const resident = await signInGuest(testApp);
    expect(await log(resident, activity())).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await call({ url: '/supervision/activities', token: resident.token })).toMatchObject({ status: 403 });
    expect(await call({ method: 'POST', url: '/supervision/activities', token: office, body: activity() })).toMatchObject({ status: 403 });
    expect(await call({ method: 'POST', url: '/supervision/activities', body: activity() })).toMatchObject({
      status: 401,
      body: { message: '请先登录' },
    });
    expect(await call({ url: '/staff/supervision/activities?from=2026-01-01&to=2026-12-31', token: chen.token })).toMatchObject({ status: 403 });
    expect(await stored()).toBe(0);
  });

  test('a revoked supervisor, or one whose term has not begun or has ended, is refused', async () => {
    const revoked = await supervisor('吴监督', 'BS-2026-003', { termStart: '2026-01-01', termEnd: '2027-12-31' });
    expect((await log(revoked, activity())).status).toBe(200);
    const { id } = await db().selectFrom('supervisor').select('id').where('certificateNo', '=', 'BS-2026-003').executeTakeFirstOrThrow();
    expect((await call({ method: 'POST', url: `/staff/supervisors/${id}/revoke`, token: office })).status).toBe(200);
    expect(await log(revoked, activity())).toMatchObject({ status: 403, body: { message: '您没有权限进行这项操作' } });
    expect(await call({ url: '/supervision/activities', token: revoked.token })).toMatchObject({ status: 403 });

    const later = await supervisor('郑监督', 'BS-2027-001', { termStart: '2027-01-01', termEnd: '2028-12-31' });
    expect((await log(later, activity())).status).toBe(403);
    const ended = await supervisor('冯监督', 'BS-2024-001', { termStart: '2024-01-01', termEnd: '2026-11-25' });
    expect((await log(ended, activity({ date: '2026-11-25' }))).status).toBe(403);
    expect(await stored()).toBe(1);
  });
});

describe('reading the log', () => {
  test('a supervisor sees their own entries, newest day first, and the latest logged first within a day', async () => {
    const older = await log(chen, activity({ date: '2026-10-15', unit: '区市场监督管理局' }));
    const firstOnDay = await log(chen, activity({ date: '2026-11-20', unit: '区生态环境保护综合行政执法支队' }));
    clock = new Date('2026-11-26T11:00:00+08:00');
    const secondOnDay = await log(chen, activity({ date: '2026-11-20', unit: '区农业农村委（渔政）' }));
    await log(zhou, activity({ date: '2026-11-25' }));

    const mine = await call({ url: '/supervision/activities', token: chen.token });
    expect(mine.status).toBe(200);
    expect(mine.body.activities).toEqual([secondOnDay.body, firstOnDay.body, older.body]);
  });

  test('the office lists the entries of a range of days, both ends included, with who logged each', async () => {
    await log(chen, activity({ date: '2026-10-31' }));
    const first = await log(chen, activity({ date: '2026-11-01' }));
    const last = await log(zhou, activity({ date: '2026-11-25', place: null }));
    await log(zhou, activity({ date: '2026-11-26' }));
    const { id: zhouId } = await db().selectFrom('supervisor').select('id').where('certificateNo', '=', 'BS-2026-002').executeTakeFirstOrThrow();

    const listed = await call({ url: '/staff/supervision/activities?from=2026-11-01&to=2026-11-25', token: office });
    expect(listed.status).toBe(200);
    expect(listed.body.activities).toEqual([
      { ...last.body, supervisorId: zhouId, supervisorName: '周监督' },
      { ...first.body, supervisorId: expect.any(String), supervisorName: '陈监督' },
    ]);
    expect((await call({ url: '/staff/supervision/activities?from=2026-11-27&to=2026-11-30', token: office })).body.activities).toEqual([]);
  });

  test.each([
    ['?from=2026-11-30&to=2026-11-01', '结束日期不能早于开始日期'],
    ['?to=2026-11-30', '开始日期不能为空'],
    ['?from=2026-11-01&to=2026-11-31', '结束日期应为存在的日期，格式如 2026-01-31'],
    // A day that does not exist is the only thing said, not also judged against the other end.
    ['?from=2026-12-32&to=2026-11-01', '开始日期应为存在的日期，格式如 2026-01-31'],
    ['?from=2021-01-01&to=2026-11-30', '统计区间最长五年'],
  ])('the office’s range %s is refused with “%s”', async (query, message) => {
    expect(await call({ url: `/staff/supervision/activities${query}`, token: office })).toMatchObject({ status: 400, body: { message } });
  });
});

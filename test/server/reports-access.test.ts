import { apiCaller, signInGuest, signInStaff } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// Who may read the office's figures, and what a bad request to them is told (issue 8): the dashboard
// and the annual summary are the office's; the public page is anyone's; every refusal says in Chinese
// what to fix.

const clock = new Date('2026-06-20T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let resident: string;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'figures.desk', displayName: '吴科员' }, clock);
  resident = (await signInGuest(testApp)).token;
});

afterAll(() => testApp.close());

describe('the office’s figures are the office’s', () => {
  test.each(['/staff/dashboard?from=2026-01-01&to=2026-06-30', '/staff/reports/annual?year=2026'])('%s: 401 without signing in, 403 for a resident', async (url) => {
    const anonymous = await call({ url });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('请先登录');
    const asResident = await call({ url, token: resident });
    expect(asResident.status).toBe(403);
    expect(asResident.body.message).toBe('您没有权限进行这项操作');
    expect((await call({ url, token: office })).status).toBe(200);
  });

  test('the public page needs no sign-in', async () => {
    const answer = await call({ url: '/public/transparency' });
    expect(answer.status).toBe(200);
    expect(answer.body.year).toBe(2026);
  });
});

describe('bad periods and places are refused with what to fix', () => {
  test.each([
    ['to=2026-06-30', '开始日期不能为空'],
    ['from=2026-6-1&to=2026-06-30', '开始日期应为存在的日期'],
    ['from=2026-02-30&to=2026-03-31', '开始日期应为存在的日期'],
    ['from=2026-06-01&to=tomorrow', '结束日期应为存在的日期'],
    ['from=2026-06-30&to=2026-06-01', '结束日期不能早于开始日期'],
    ['from=2020-01-01&to=2025-12-31', '统计区间最长五年'],
    ['from=2026-06-01&to=2026-06-30&community=%E6%9C%9D%E5%A4%A9', '社区编号格式不对'],
  ])('dashboard ?%s → 400 %s', async (query, message) => {
    const answer = await call({ url: `/staff/dashboard?${query}`, token: office });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(message);
  });

  test('five years to the day are allowed', async () => {
    expect((await call({ url: '/staff/dashboard?from=2021-07-01&to=2026-06-30', token: office })).status).toBe(200);
  });

  test('a community the town does not have → 404', async () => {
    const answer = await call({ url: '/staff/dashboard?from=2026-06-01&to=2026-06-30&community=nowhere', token: office });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 'COMMUNITY_NOT_FOUND', message: '没有这个社区' });
  });

  test.each([
    ['', '请选择年份'],
    ['year=', '请选择年份'],
    ['year=abc', '年份应为数字'],
    ['year=2026.5', '年份应为整数'],
    ['year=1999', '年份应在 2000–2100 之间'],
    ['year=2101', '年份应在 2000–2100 之间'],
  ])('annual summary ?%s → 400 %s', async (query, message) => {
    const answer = await call({ url: `/staff/reports/annual?${query}`, token: office });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(message);
  });

  test('the public page refuses a bad year too, without signing in', async () => {
    const answer = await call({ url: '/public/transparency?year=20x6' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('年份应为数字');
  });
});

test('many residents behind one address may all load the public page: it is never refused for being asked often', async () => {
  const answers = await Promise.all(Array.from({ length: 60 }, () => call({ url: '/public/transparency' })));
  expect(answers.map((answer) => answer.status)).toEqual(Array(60).fill(200));
});

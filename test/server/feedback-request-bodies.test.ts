import { randomUUID } from 'node:crypto';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// Bodies the JSON routes cannot take: far larger than Fastify's limit (1 MiB), or not JSON at all.
const clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let resident: SignedInPerson;
let office: string;
let itemId: string;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  resident = await signInGuest(testApp);
  office = await signInStaff(testApp, { username: 'qian.keyuan', displayName: '钱科员' }, clock);
  itemId = (await submitItem(testApp, resident.token)).id;
  const replied = await apiCaller(testApp)({
    method: 'POST',
    url: `/staff/feedback/${itemId}/actions`,
    token: office,
    body: { action: 'reply', text: '已联系城管中队，本周内清理占道摊点。' },
  });
  expect(replied.status).toBe(200);
});

afterAll(() => testApp.close());

async function everythingStored() {
  const db = testApp.database.handle.db;
  return {
    items: await db.selectFrom('feedbackItem').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('feedbackEvent').selectAll().orderBy('itemId').orderBy('seq').execute(),
    outbox: (await db.selectFrom('notificationOutbox').select('id').execute()).length,
  };
}

const routes = {
  'submitting feedback': () => ({
    url: '/api/feedback',
    token: resident.token,
    body: { clientId: randomUUID(), stationId: firstStation.id, kind: 'complaint', categoryId: 'other', content: '菜市场门口每天早上都有占道经营。' },
    padded: 'content',
    asText: '请求内容缺失或类型不对',
  }),
  'a staff action': () => ({
    url: `/api/staff/feedback/${itemId}/actions`,
    token: office,
    body: { action: 'note', text: '与社区网格员核实过' },
    padded: 'text',
    // A text is no object, so it names none of the actions.
    asText: '未知的操作',
  }),
  'rating a reply': () => ({
    url: `/api/feedback/mine/${itemId}/rating`,
    token: resident.token,
    body: { stars: 1, comment: '根本没有清理' },
    padded: 'comment',
    asText: '请求内容缺失或类型不对',
  }),
};

type Route = ReturnType<(typeof routes)[keyof typeof routes]>;

const bodies: [string, (body: Record<string, unknown>, padded: string) => { type: string; payload: string }, number, (route: Route) => string][] = [
  [
    'a JSON body over the size limit',
    (body, padded) => ({ type: 'application/json', payload: JSON.stringify({ ...body, [padded]: '长'.repeat(400_000) }) }),
    413,
    () => '请求内容过大',
  ],
  [
    'a form instead of JSON',
    () => ({ type: 'application/x-www-form-urlencoded', payload: 'stars=1&action=note' }),
    415,
    () => '不支持这种请求内容类型，请使用 JSON',
  ],
  ['JSON sent as plain text', (body) => ({ type: 'text/plain', payload: JSON.stringify(body) }), 400, (route) => route.asText],
];

describe.each(Object.entries(routes))('%s', (_route, routeOf) => {
  test.each(bodies)('%s is refused with a message in Chinese, and nothing is stored', async (_what, bodyOf, status, messageFor) => {
    const route = routeOf();
    const { url, token, body, padded } = route;
    const before = await everythingStored();
    const { type, payload } = bodyOf(body, padded);
    const response = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ code: expect.any(String), message: messageFor(route) });
    expect(await everythingStored()).toEqual(before);
  });

  test('the same request as JSON of a sensible size is taken', async () => {
    const { url, token, body } = routeOf();
    const before = await everythingStored();
    const response = await testApp.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: body });
    expect(response.statusCode).toBe(200);
    expect((await everythingStored()).events.length).toBeGreaterThan(before.events.length);
  });
});

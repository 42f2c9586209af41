import { Writable } from 'node:stream';
import { shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import { SHARER_CODE_PATTERN } from '../../src/core/sharing/schemas';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { createTestApp, type TestApp } from '../support/test-app';

let clock = new Date('2026-11-26T10:00:00+08:00');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
let wechat: FakeWeChat;
let testApp: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  wechat = await startFakeWeChat();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  testApp = await createTestApp({
    now: () => clock,
    wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET },
    logger: { level: 'trace', stream: logStream },
  });
});

afterAll(async () => {
  await testApp.close();
  await wechat.close();
});

type Call = { method?: 'GET' | 'POST'; url: string; token?: string; body?: unknown };
async function call({ method = 'GET', url, token, body }: Call) {
  const response = await testApp.app.inject({
    method,
    url: `/api${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined && { payload: body as object }),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

const guest = async () => (await call({ method: 'POST', url: '/auth/guest', body: {} })).body.token as string;

async function staffToken(username: string, role: 'staff' | 'admin' = 'staff') {
  const { oneTimePassword } = await createStaffAccount(testApp.database.handle.db, { username, displayName: '张科员', role }, clock);
  const signedIn = await call({ method: 'POST', url: '/auth/staff', body: { username, password: oneTimePassword } });
  const token = signedIn.body.token as string;
  const newPassword = 'Fazhi2026-desk';
  await call({ method: 'POST', url: '/me/password', token, body: { currentPassword: oneTimePassword, newPassword } });
  return token;
}

describe('WeChat sign-in through code2Session', () => {
  test('a code signs a resident in; the same person signing in again is the same user', async () => {
    const first = await call({ method: 'POST', url: '/auth/wechat', body: { code: 'ok-openid-resident-1' } });
    expect(first.status).toBe(200);
    expect(first.body.me).toMatchObject({ kind: 'wechat', roles: ['resident'], supervisor: null });
    expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(first.body)).not.toContain('session');
    await call({ method: 'POST', url: '/auth/wechat', body: { code: 'ok-openid-resident-1' } });
    const users = await testApp.database.handle.db
      .selectFrom('appUser')
      .select('id')
      .where('wechatOpenid', '=', 'openid-resident-1')
      .execute();
    expect(users).toHaveLength(1);
    const sent = wechat.requests.at(-1)!;
    expect([sent.get('appid'), sent.get('secret'), sent.get('grant_type')]).toEqual([FAKE_APPID, FAKE_SECRET, 'authorization_code']);
  });

  test.each([
    ['used-code', 400, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新打开小程序'],
    ['too-fast', 429, 'WECHAT_TOO_FREQUENT', '登录太频繁，请一分钟后再试'],
    ['risky-user', 403, 'WECHAT_RISKY_USER', '微信提示该账号存在安全风险，暂时无法登录，请联系镇法治建设科'],
    ['system-busy', 503, 'WECHAT_BUSY', '微信服务繁忙，请稍后再试'],
  ])('WeChat answering %s becomes %i with a clear message, and no user', async (code, status, errorCode, message) => {
    const before = await testApp.database.handle.db.selectFrom('appUser').select('id').execute();
    const response = await call({ method: 'POST', url: '/auth/wechat', body: { code } });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ code: errorCode, message });
    expect(await testApp.database.handle.db.selectFrom('appUser').select('id').execute()).toHaveLength(before.length);
  });

  test.each([
    ['odd-error', 502, 'WECHAT_ERROR', '微信登录失败（错误码 40999），请稍后再试'],
    ['gateway-page', 503, 'WECHAT_UNREACHABLE', '暂时连不上微信服务，请稍后再试'],
  ])('an answer the client does not expect (%s) is still put in words', async (code, status, errorCode, message) => {
    const response = await call({ method: 'POST', url: '/auth/wechat', body: { code } });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ code: errorCode, message });
  });

  test('WeChat out of reach is said so', async () => {
    const cut = await createTestApp({ wechat: { apiBase: 'http://127.0.0.1:9', appId: FAKE_APPID, secret: FAKE_SECRET } });
    const response = await cut.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok-x' } });
    await cut.close();
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('WECHAT_UNREACHABLE');
  });

  test('too-frequent sign-ins carry a wait time', async () => {
    const response = await call({ method: 'POST', url: '/auth/wechat', body: { code: 'too-fast' } });
    expect(response.headers['retry-after']).toBe('60');
  });

  test('the secret never reaches the logs', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(FAKE_SECRET);
  });
});

test('one address creating identities too fast is told to wait, in our answer shape', async () => {
  const limited = await createTestApp({ signInsPerMinute: 3 });
  const statuses: number[] = [];
  let last;
  for (let i = 0; i < 4; i += 1) {
    last = await limited.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} });
    statuses.push(last.statusCode);
  }
  const guests = await limited.database.handle.db.selectFrom('appUser').select('id').execute();
  await limited.close();
  expect(statuses).toEqual([200, 200, 200, 429]);
  expect(last!.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) });
  expect(last!.headers['retry-after']).toMatch(/^\d+$/);
  expect(guests).toHaveLength(3);
});

test('without WeChat credentials, WeChat sign-in says it is not configured', async () => {
  const unconfigured = await createTestApp();
  const response = await unconfigured.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok-x' } });
  await unconfigured.close();
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ code: 'WECHAT_NOT_CONFIGURED', message: '本服务未配置微信登录' });
});

describe('tokens', () => {
  test('a browser guest gets an identity without filling anything in', async () => {
    const token = await guest();
    const me = await call({ url: '/me', token });
    expect(me.body).toEqual({
      kind: 'guest',
      displayName: '访客',
      roles: ['resident'],
      mustChangePassword: false,
      supervisor: null,
      gridWorker: null,
    });
  });

  test('tokens are stored only as hashes', async () => {
    const token = await guest();
    const rows = await testApp.database.handle.db.selectFrom('authToken').select('tokenHash').execute();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  test.each([
    ['a forged token', 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed header', 'Token abc'],
  ])('%s is refused with 401', async (_what, header) => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: header } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'TOKEN_INVALID', message: '登录已失效，请重新登录' });
  });

  test('signing out revokes the token at once', async () => {
    const token = await guest();
    expect((await call({ method: 'POST', url: '/auth/sign-out', token })).status).toBe(200);
    expect((await call({ url: '/me', token })).status).toBe(401);
  });

  test('a resident who keeps using the app stays signed in; one who stops is signed out after a month', async () => {
    const kept = await guest();
    const left = await guest();
    advance(20 * 24 * 60);
    expect((await call({ url: '/me', token: kept })).status).toBe(200);
    advance(25 * 24 * 60);
    expect((await call({ url: '/me', token: kept })).status).toBe(200);
    expect((await call({ url: '/me', token: left })).status).toBe(401);
  });

  test('a staff token expires the same day; a resident token lasts a month', async () => {
    const resident = await guest();
    const staff = await staffToken('expiry.check');
    advance(13 * 60);
    expect((await call({ url: '/me', token: staff })).status).toBe(401);
    expect((await call({ url: '/me', token: resident })).status).toBe(200);
    advance(31 * 24 * 60);
    expect((await call({ url: '/me', token: resident })).status).toBe(401);
  });
});

describe('staff sign-in', () => {
  test('a one-time password must be changed before anything else', async () => {
    const db = testApp.database.handle.db;
    const { oneTimePassword } = await createStaffAccount(db, { username: 'li.keyuan', displayName: '李科员', role: 'staff' }, clock);
    const signedIn = await call({ method: 'POST', url: '/auth/staff', body: { username: 'Li.Keyuan ', password: oneTimePassword } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.me).toMatchObject({ kind: 'staff', displayName: '李科员', roles: ['staff'], mustChangePassword: true });
    const token = signedIn.body.token;
    expect((await call({ url: '/staff/supervisors', token })).body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await call({ method: 'POST', url: '/me/password', token, body: { currentPassword: oneTimePassword, newPassword: 'short1' } });
    expect(weak.body).toEqual({ code: 'INVALID_REQUEST', message: '新密码至少 10 位' });
    const changed = await call({
      method: 'POST',
      url: '/me/password',
      token,
      body: { currentPassword: oneTimePassword, newPassword: 'Better-password-2026' },
    });
    expect(changed.status).toBe(200);
    expect((await call({ url: '/staff/supervisors', token })).status).toBe(200);
    const stored = await db.selectFrom('staffAccount').select('passwordHash').where('username', '=', 'li.keyuan').executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  test('repeated wrong passwords lock the account with a growing wait, answered 429', async () => {
    const { oneTimePassword } = await createStaffAccount(
      testApp.database.handle.db,
      { username: 'wang.keyuan', displayName: '王科员', role: 'staff' },
      clock,
    );
    const attempt = (password: string) => call({ method: 'POST', url: '/auth/staff', body: { username: 'wang.keyuan', password } });
    for (let i = 0; i < 4; i += 1) {
      expect((await attempt('wrong')).body).toEqual({ code: 'WRONG_CREDENTIALS', message: '用户名或密码不正确' });
    }
    const fifth = await attempt('wrong');
    expect(fifth.status).toBe(429);
    expect(fifth.body.message).toBe('密码错误次数过多，请 1 分钟后再试');
    expect(fifth.headers['retry-after']).toBe('60');
    expect((await attempt(oneTimePassword)).status).toBe(429);

    advance(1);
    const sixth = await attempt('wrong');
    expect(sixth.body.message).toBe('密码错误次数过多，请 2 分钟后再试');
    advance(2);
    expect((await attempt(oneTimePassword)).status).toBe(200);
  });

  test('guesses sent all at once are counted all the same', async () => {
    await createStaffAccount(testApp.database.handle.db, { username: 'qian.keyuan', displayName: '钱科员', role: 'staff' }, clock);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call({ method: 'POST', url: '/auth/staff', body: { username: 'qian.keyuan', password: 'guess' } })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
  });

  test('an unknown username is locked exactly like a real one, so neither can be told apart', async () => {
    const attempt = (username: string) => call({ method: 'POST', url: '/auth/staff', body: { username, password: 'guess' } });
    await createStaffAccount(testApp.database.handle.db, { username: 'real.one', displayName: '真实', role: 'staff' }, clock);
    const real: number[] = [];
    const ghost: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      real.push((await attempt('real.one')).status);
      ghost.push((await attempt('ghost.one')).status);
    }
    expect(real).toEqual([401, 401, 401, 401, 429, 429]);
    expect(ghost).toEqual(real);
  });

  test('changing the password ends every other sign-in of the account', async () => {
    const { oneTimePassword } = await createStaffAccount(
      testApp.database.handle.db,
      { username: 'sun.keyuan', displayName: '孙科员', role: 'staff' },
      clock,
    );
    const signIn = async () =>
      (await call({ method: 'POST', url: '/auth/staff', body: { username: 'sun.keyuan', password: oneTimePassword } })).body.token;
    const desk = await signIn();
    const stolen = await signIn();
    const changed = await call({
      method: 'POST',
      url: '/me/password',
      token: desk,
      body: { currentPassword: oneTimePassword, newPassword: 'Fresh-password-2026' },
    });
    expect(changed.status).toBe(200);
    expect((await call({ url: '/me', token: stolen })).status).toBe(401);
    expect((await call({ url: '/me', token: desk })).status).toBe(200);
  });

  test.each([
    [{ username: 'a'.repeat(33), password: 'x' }, '用户名为 3–32 位字母、数字、点、下划线或短横线'],
    [{ username: 'valid.name', password: 'x'.repeat(129) }, '密码最多 128 位'],
  ])('oversized sign-in fields are refused before any check', async (body, message) => {
    const response = await call({ method: 'POST', url: '/auth/staff', body });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(message);
  });

  test('an unknown username gets the same answer as a wrong password', async () => {
    const response = await call({ method: 'POST', url: '/auth/staff', body: { username: 'nobody', password: 'whatever' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 'WRONG_CREDENTIALS', message: '用户名或密码不正确' });
  });
});

describe('supervisors and grid workers', () => {
  // Tests here move the clock by days; a staff sign-in lasts hours, so each test signs in afresh.
  let office: string;
  let staffCount = 0;
  beforeEach(async () => {
    staffCount += 1;
    office = await staffToken(`office.${staffCount}`);
  });

  const createSupervisor = (body: object) => call({ method: 'POST', url: '/staff/supervisors', token: office, body });
  const issueCode = async (kind: 'supervisors' | 'grid-workers', id: string) =>
    (await call({ method: 'POST', url: `/staff/${kind}/${id}/binding-code`, token: office })).body.code as string;
  const bind = (token: string, code: string) => call({ method: 'POST', url: '/me/bind', token, body: { code } });

  test('a supervisor bound with a code gets the role and the certificate card', async () => {
    const created = await createSupervisor({ name: '陈监督', certificateNo: 'BS-2026-001', termStart: '2026-01-01', termEnd: '2027-12-31' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'active', bound: false });
    const code = await issueCode('supervisors', created.body.id);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);

    const resident = await guest();
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const bound = await bind(resident, typed);
    expect(bound.status).toBe(200);
    expect(bound.body.roles).toEqual(['resident', 'supervisor']);
    expect(bound.body.supervisor).toEqual({
      name: '陈监督',
      certificateNo: 'BS-2026-001',
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
      status: 'active',
    });

    const again = await bind(await guest(), code);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('这个绑定码已经用过了，如需重新绑定请联系镇法治建设科');

    const codes = await testApp.database.handle.db.selectFrom('bindingCode').select('codeHash').execute();
    expect(codes.some((c) => c.codeHash === code)).toBe(false);
  });

  test('a supervisor whose term has ended loses supervisor rights', async () => {
    const lastDay = shanghaiDateOf(new Date(clock.getTime() + 24 * 60 * 60 * 1000));
    const created = await createSupervisor({ name: '周监督', certificateNo: 'BS-2026-002', termStart: '2026-01-01', termEnd: lastDay });
    const resident = await guest();
    await bind(resident, await issueCode('supervisors', created.body.id));
    expect((await call({ url: '/me', token: resident })).body.roles).toContain('supervisor');
    advance(2 * 24 * 60);
    const me = await call({ url: '/me', token: resident });
    expect(me.body.roles).toEqual(['resident']);
    expect(me.body.supervisor.status).toBe('expired');
  });

  test('revoking takes the role away; a revoked record gets no new code, but its 聘书 can be registered again', async () => {
    const created = await createSupervisor({ name: '吴监督', certificateNo: 'BS-2026-003', termStart: '2026-01-01', termEnd: '2030-12-31' });
    const resident = await guest();
    await bind(resident, await issueCode('supervisors', created.body.id));
    const revoked = await call({ method: 'POST', url: `/staff/supervisors/${created.body.id}/revoke`, token: office });
    expect(revoked.body).toMatchObject({ status: 'revoked', bound: true });
    const me = await call({ url: '/me', token: resident });
    expect(me.body.roles).toEqual(['resident']);
    expect(me.body.supervisor.status).toBe('revoked');
    const reissue = await call({ method: 'POST', url: `/staff/supervisors/${created.body.id}/binding-code`, token: office });
    expect(reissue.status).toBe(409);
    const again = await createSupervisor({ name: '吴监督', certificateNo: 'BS-2026-003', termStart: '2026-01-01', termEnd: '2030-12-31' });
    expect(again.status).toBe(200);
  });

  test('a reissued code replaces the old one; a code expires after seven days', async () => {
    const created = await createSupervisor({ name: '郑监督', certificateNo: 'BS-2026-004', termStart: '2026-01-01', termEnd: '2030-12-31' });
    const first = await issueCode('supervisors', created.body.id);
    const second = await issueCode('supervisors', created.body.id);
    const resident = await guest();
    expect((await bind(resident, first)).body.code).toBe('BINDING_CODE_WRONG');
    advance(7 * 24 * 60 + 1);
    const expired = await bind(resident, second);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe('绑定码已过期（有效期 7 天），请联系镇法治建设科重新获取');
  });

  test('a reissued code takes the role off the old phone at once and puts it on the new one', async () => {
    const created = await createSupervisor({ name: '冯监督', certificateNo: 'BS-2026-005', termStart: '2026-01-01', termEnd: '2030-12-31' });
    const oldPhone = await guest();
    await bind(oldPhone, await issueCode('supervisors', created.body.id));
    expect((await call({ url: '/me', token: oldPhone })).body.roles).toContain('supervisor');
    const code = await issueCode('supervisors', created.body.id);
    expect((await call({ url: '/me', token: oldPhone })).body.roles).toEqual(['resident']);
    const newPhone = await guest();
    expect((await bind(newPhone, code)).body.roles).toEqual(['resident', 'supervisor']);
  });

  test('codes guessed all at once are counted all the same', async () => {
    const resident = await guest();
    const answers = await Promise.all(Array.from({ length: 20 }, () => bind(resident, 'ZZZZ2222')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
  });

  test('one code bound from two phones at once goes to exactly one', async () => {
    const created = await createSupervisor({ name: '蒋监督', certificateNo: 'BS-2026-006', termStart: '2026-01-01', termEnd: '2030-12-31' });
    const code = await issueCode('supervisors', created.body.id);
    const phones = await Promise.all([guest(), guest(), guest(), guest()]);
    const answers = await Promise.all(phones.map((phone) => bind(phone, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
  });

  test('guessing codes is slowed down with a growing wait', async () => {
    const resident = await guest();
    for (let i = 0; i < 4; i += 1) expect((await bind(resident, 'AAAA2222')).status).toBe(400);
    const locked = await bind(resident, 'AAAA2222');
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe('绑定码错误次数过多，请 1 分钟后再试');
    expect(locked.headers['retry-after']).toBe('60');
  });

  test.each([
    ['ABC', '绑定码应为 8 位字母或数字（不含 0、1、I、L、O）'],
    ['ABCD0000', '绑定码应为 8 位字母或数字（不含 0、1、I、L、O）'],
    ['x'.repeat(100), '绑定码应为 8 位字母或数字'],
  ])('a malformed code %s is refused before any lookup', async (code, message) => {
    const response = await bind(await guest(), code);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(message);
  });

  test('a grid worker is bound to a configured grid', async () => {
    const grids = await call({ url: '/staff/grids', token: office });
    const [grid] = grids.body.grids;
    const unknown = await call({ method: 'POST', url: '/staff/grid-workers', token: office, body: { name: '网格员甲', gridId: 'nowhere' } });
    expect(unknown.body).toEqual({ code: 'GRID_NOT_FOUND', message: '所选网格不存在，请从列表中选择' });
    const created = await call({ method: 'POST', url: '/staff/grid-workers', token: office, body: { name: '网格员甲', gridId: grid.id } });
    const resident = await guest();
    const bound = await bind(resident, await issueCode('grid-workers', created.body.id));
    expect(bound.body.roles).toEqual(['resident', 'grid_worker']);
    expect(bound.body.gridWorker).toEqual({
      name: '网格员甲',
      gridId: grid.id,
      sharerCode: expect.stringMatching(SHARER_CODE_PATTERN),
      gridName: grid.name,
      communityName: grid.communityName,
    });
    // The app reads the grid from 我的 to put it on the worker's share cards.
    expect((await call({ url: '/me', token: resident })).body.gridWorker).toMatchObject({ gridId: grid.id });
  });

  test.each([
    [{ name: '张'.repeat(21), certificateNo: 'X-1', termStart: '2026-01-01', termEnd: '2026-12-31' }, '姓名最多 20 个字'],
    [{ name: '张三', certificateNo: 'X-1', termStart: '2026-12-31', termEnd: '2026-01-01' }, '聘期结束日期不能早于开始日期'],
    [{ name: '  ', certificateNo: 'X-1', termStart: '2026-01-01', termEnd: '2026-12-31' }, '请填写姓名'],
    [{ name: '张三', certificateNo: 'BS-2026-001', termStart: '2026-01-01', termEnd: '2026-12-31' }, '聘书编号 BS-2026-001 已经登记过'],
  ])('bad supervisor details are refused and nothing is stored (%#)', async (body, message) => {
    const before = (await call({ url: '/staff/supervisors', token: office })).body.supervisors.length;
    const response = await createSupervisor(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.message).toBe(message);
    expect((await call({ url: '/staff/supervisors', token: office })).body.supervisors).toHaveLength(before);
  });
});

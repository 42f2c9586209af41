import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { sha256 } from '../../src/server/shared/secrets';
import type { TestApp } from './test-app';

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT';
  /** Under /api, e.g. '/staff/feedback?page=2'. */
  url: string;
  token?: string;
  body?: unknown;
}

export interface ApiAnswer {
  status: number;
  body: any;
  /** The body as sent on the wire, for tests that look for what must never be in it. */
  raw: string;
}

/** Calls the real server through Fastify's inject, with a bearer token when given. */
export function apiCaller(testApp: TestApp): (call: ApiCall) => Promise<ApiAnswer> {
  return async ({ method = 'GET', url, token, body }) => {
    const response = await testApp.app.inject({
      method,
      url: `/api${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body !== undefined && { payload: body as object }),
    });
    const raw = response.body;
    return { status: response.statusCode, body: raw ? JSON.parse(raw) : null, raw };
  };
}

export interface SignedInPerson {
  token: string;
  /** The app_user id behind the token: what must never reach the office for an anonymous item. */
  userId: string;
}

async function userIdOfToken(testApp: TestApp, token: string): Promise<string> {
  const row = await testApp.database.handle.db
    .selectFrom('authToken')
    .select('subjectId')
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirstOrThrow();
  return row.subjectId;
}

/** A browser guest, as the H5 app creates one. */
export async function signInGuest(testApp: TestApp): Promise<SignedInPerson> {
  const answer = await apiCaller(testApp)({ method: 'POST', url: '/auth/guest', body: {} });
  if (answer.status !== 200) throw new Error(`Guest sign-in failed: ${answer.raw}`);
  return { token: answer.body.token, userId: await userIdOfToken(testApp, answer.body.token) };
}

/** A WeChat user through the fake WeChat (the app must be built with test/support/fake-wechat.ts's credentials). */
export async function signInWeChat(testApp: TestApp, openid: string): Promise<SignedInPerson> {
  const answer = await apiCaller(testApp)({ method: 'POST', url: '/auth/wechat', body: { code: `ok-${openid}` } });
  if (answer.status !== 200) throw new Error(`WeChat sign-in failed: ${answer.raw}`);
  return { token: answer.body.token, userId: await userIdOfToken(testApp, answer.body.token) };
}

/**
 * An office account as the admin command creates it, signed in with its one-time password changed,
 * so that it may call every staff route. A staff sign-in lasts hours: sign in again after moving the clock by days.
 */
export async function signInStaff(
  testApp: TestApp,
  account: { username: string; displayName: string; role?: 'staff' | 'admin' },
  now: Date,
): Promise<string> {
  const call = apiCaller(testApp);
  const db = testApp.database.handle.db;
  const existing = await db.selectFrom('staffAccount').select('id').where('username', '=', account.username).executeTakeFirst();
  const newPassword = 'Fazhi2026-desk-password';
  let password = newPassword;
  if (!existing) {
    const created = await createStaffAccount(db, { role: 'staff', ...account }, now);
    password = created.oneTimePassword;
  }
  const signedIn = await call({ method: 'POST', url: '/auth/staff', body: { username: account.username, password } });
  if (signedIn.status !== 200) throw new Error(`Staff sign-in failed: ${signedIn.raw}`);
  const token: string = signedIn.body.token;
  if (!existing) {
    const changed = await call({ method: 'POST', url: '/me/password', token, body: { currentPassword: password, newPassword } });
    if (changed.status !== 200) throw new Error(`Password change failed: ${changed.raw}`);
  }
  return token;
}

/** Registers a supervisor from the office and binds the certificate to the person's phone with the one-time code. */
export async function bindSupervisor(
  testApp: TestApp,
  staffToken: string,
  person: SignedInPerson,
  certificate: { name: string; certificateNo: string; termStart?: string; termEnd?: string },
): Promise<void> {
  const call = apiCaller(testApp);
  const created = await call({
    method: 'POST',
    url: '/staff/supervisors',
    token: staffToken,
    body: { termStart: '2026-01-01', termEnd: '2027-12-31', ...certificate },
  });
  if (created.status !== 200) throw new Error(`Supervisor registration failed: ${created.raw}`);
  const code = await call({ method: 'POST', url: `/staff/supervisors/${created.body.id}/binding-code`, token: staffToken });
  const bound = await call({ method: 'POST', url: '/me/bind', token: person.token, body: { code: code.body.code } });
  if (bound.status !== 200) throw new Error(`Binding failed: ${bound.raw}`);
}

// What the app's component tests share: the real server listening for the whole test file, the app's
// API_BASE pointed at it, and people signed in through HTTP as the app and the office's desk do it.
import Taro from '@tarojs/taro';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { useListeningTestApp, type TestApp, type TestAppOptions } from './test-app';

/** One call to the server at `apiBase`; anything but a 2xx fails the test's set-up with what the server said. */
export async function callApi<T = any>(apiBase: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A resident in a browser: a guest identity, as the app gets one. */
async function guestToken(apiBase: string): Promise<string> {
  return (await callApi<{ token: string }>(apiBase, 'POST', '/auth/guest', null, {})).token;
}

/** A guest resident signed in on this phone, as the app keeps them. */
export async function signInResident(apiBase: string): Promise<string> {
  const token = await guestToken(apiBase);
  Taro.setStorageSync('auth.resident', token);
  return token;
}

export interface AppServerOptions extends TestAppOptions {
  /**
   * Office pages sign in once for the whole file, so their storage is kept from test to test; otherwise
   * each test starts on a phone with nothing stored.
   */
  keepStorage?: boolean;
}

export interface AppServer {
  readonly testApp: TestApp;
  /** Where the app calls, e.g. http://127.0.0.1:40123/api */
  readonly apiBase: string;
  db(): TestApp['database']['handle']['db'];
  api<T = any>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T>;
  guestToken(): Promise<string>;
  signInResident(): Promise<string>;
  /** A staff member as the desk sees them: created from the command line, signed in, password changed. */
  signInStaff(username: string, displayName: string, now?: Date): Promise<string>;
}

/**
 * Starts the server for the test file (call it before the file's own hooks, which may then use it) and
 * points the app at it before each test, since a test may point the app at an unreachable one.
 */
export function useAppServer({ keepStorage = false, ...options }: AppServerOptions = {}): AppServer {
  const listening = useListeningTestApp(options);
  const apiBase = () => `${listening().origin}/api`;
  beforeEach(() => {
    if (!keepStorage) Taro.clearStorageSync();
    Object.assign(globalThis, { API_BASE: apiBase() });
  });
  return {
    get testApp() {
      return listening().testApp;
    },
    get apiBase() {
      return apiBase();
    },
    db: () => listening().testApp.database.handle.db,
    api: (method, path, token, body) => callApi(apiBase(), method, path, token, body),
    guestToken: () => guestToken(apiBase()),
    signInResident: () => signInResident(apiBase()),
    signInStaff: async (username, displayName, now = new Date()) => {
      const account = { username, displayName, role: 'staff' as const };
      const { oneTimePassword } = await createStaffAccount(listening().testApp.database.handle.db, account, now);
      const { token } = await callApi(apiBase(), 'POST', '/auth/staff', null, { username, password: oneTimePassword });
      await callApi(apiBase(), 'POST', '/me/password', token, { currentPassword: oneTimePassword, newPassword: 'Desk-password-2026' });
      return token as string;
    },
  };
}

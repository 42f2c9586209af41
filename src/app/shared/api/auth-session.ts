import Taro from '@tarojs/taro';
import type { RouteContract, RouteInput, RouteResponse } from '@core/api/contract';
import { identityContract } from '@core/identity/contract';
import { ApiRequestError, callApi } from './api-client';

/** Residents and staff keep separate sign-ins, so a staff sign-in on a phone never replaces the resident. */
export type Holder = 'resident' | 'staff';

const TOKEN_KEYS: Record<Holder, string> = { resident: 'auth.resident', staff: 'auth.staff' };

export function storedToken(holder: Holder): string | null {
  return Taro.getStorageSync(TOKEN_KEYS[holder]) || null;
}

export function storeToken(holder: Holder, token: string): void {
  Taro.setStorageSync(TOKEN_KEYS[holder], token);
}

export function forgetToken(holder: Holder): void {
  Taro.removeStorageSync(TOKEN_KEYS[holder]);
}

/**
 * A resident is never asked to register: in WeChat the login code signs them in; in a browser, or
 * where the server has no WeChat credentials, a guest identity is created and kept on the device.
 */
async function signInResident(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { code } = await Taro.login();
      const { token } = await callApi(identityContract.signInWeChat, { body: { code } });
      return token;
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.code === 'WECHAT_NOT_CONFIGURED')) throw error;
    }
  }
  const { token } = await callApi(identityContract.signInGuest, { body: {} });
  return token;
}

let pendingSignIn: Promise<string> | null = null;

async function residentToken(): Promise<string> {
  const stored = storedToken('resident');
  if (stored) return stored;
  pendingSignIn ??= signInResident()
    .then((token) => {
      storeToken('resident', token);
      return token;
    })
    .finally(() => {
      pendingSignIn = null;
    });
  return pendingSignIn;
}

const isExpiredSignIn = (error: unknown) => error instanceof ApiRequestError && error.code === 'TOKEN_INVALID';

/** Runs `call` with the token of the resident on this device, signing in first (and again, once, if expired). */
export async function asResident<T>(call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(await residentToken());
  } catch (error) {
    if (!isExpiredSignIn(error)) throw error;
    forgetToken('resident');
    return call(await residentToken());
  }
}

/** Calls an operation as the resident on this device. */
export function callAsResident<C extends RouteContract & { response: object }>(
  contract: C,
  input: Partial<RouteInput<C>> = {},
): Promise<RouteResponse<C>> {
  return asResident((token) => callApi(contract, input, token));
}

/** Calls an operation as the signed-in staff member; without a live staff sign-in it fails with SIGN_IN_REQUIRED. */
export async function callAsStaff<C extends RouteContract & { response: object }>(
  contract: C,
  input: Partial<RouteInput<C>> = {},
): Promise<RouteResponse<C>> {
  const token = storedToken('staff');
  if (!token) throw new ApiRequestError('server', 401, '请先登录', 'SIGN_IN_REQUIRED');
  try {
    return await callApi(contract, input, token);
  } catch (error) {
    if (isExpiredSignIn(error)) forgetToken('staff');
    throw error;
  }
}

import Taro from '@tarojs/taro';
import { PAGES } from '../pages';
import { ApiRequestError } from './api-client';

/** A staff page whose sign-in is missing or over sends the person back to sign in. */
export function backToSignInIfNeeded(error: unknown): boolean {
  const expired = error instanceof ApiRequestError && (error.code === 'SIGN_IN_REQUIRED' || error.code === 'TOKEN_INVALID');
  if (expired) void Taro.redirectTo({ url: PAGES.staffSignIn });
  if (error instanceof ApiRequestError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void Taro.redirectTo({ url: PAGES.staffPassword });
    return true;
  }
  return expired;
}

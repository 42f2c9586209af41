import { AppError } from '../../shared/app-error';

export interface WeChatConfig {
  apiBase: string;
  appId: string | undefined;
  secret: string | undefined;
}

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

// What WeChat's error codes mean for the person in front of the phone.
const CODE2SESSION_ERRORS: Record<number, { status: number; code: string; message: string; retryAfterSeconds?: number }> = {
  40029: { status: 400, code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已使用，请重新打开小程序' },
  40163: { status: 400, code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已使用，请重新打开小程序' },
  45011: { status: 429, code: 'WECHAT_TOO_FREQUENT', message: '登录太频繁，请一分钟后再试', retryAfterSeconds: 60 },
  40226: { status: 403, code: 'WECHAT_RISKY_USER', message: '微信提示该账号存在安全风险，暂时无法登录，请联系镇法治建设科' },
  [-1]: { status: 503, code: 'WECHAT_BUSY', message: '微信服务繁忙，请稍后再试' },
};

const TIMEOUT_MS = 5000;

/**
 * WeChat's server API, at a configurable base URL (a local fake in tests). The secret travels only in
 * the request to WeChat; nothing here logs a URL or an answer.
 */
export class WeChatClient {
  constructor(private readonly config: WeChatConfig) {}

  get configured(): boolean {
    return Boolean(this.config.appId && this.config.secret);
  }

  /** Exchanges a `Taro.login` code for the user's openid. session_key is dropped: nothing needs it. */
  async code2Session(code: string): Promise<{ openid: string }> {
    const { appId, secret } = this.config;
    if (!appId || !secret) {
      throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '本服务未配置微信登录');
    }
    const url = new URL('/sns/jscode2session', this.config.apiBase);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let answer: Code2SessionAnswer;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      answer = (await response.json()) as Code2SessionAnswer;
    } catch {
      throw new AppError(503, 'WECHAT_UNREACHABLE', '暂时连不上微信服务，请稍后再试');
    }
    if (answer.errcode) {
      const known = CODE2SESSION_ERRORS[answer.errcode];
      if (known) throw new AppError(known.status, known.code, known.message, known.retryAfterSeconds);
      throw new AppError(502, 'WECHAT_ERROR', `微信登录失败（错误码 ${answer.errcode}），请稍后再试`);
    }
    if (!answer.openid) throw new AppError(502, 'WECHAT_ERROR', '微信登录失败，请稍后再试');
    return { openid: answer.openid };
  }
}

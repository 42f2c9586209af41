import type { NotificationTemplate } from '@core/feedback/schemas';
import { AppError } from '../../shared/app-error';

export interface WeChatConfig {
  apiBase: string;
  appId: string | undefined;
  secret: string | undefined;
  /** Subscribe-message template ids from the mini-program's console; a template without one is never asked for. */
  templates?: Partial<Record<NotificationTemplate, string>>;
}

/** One subscribe message, as WeChat's message/subscribe/send takes it. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat did not take a message; `message` says why, without the token or the recipient. */
export class WeChatSendError extends Error {
  name = 'WeChatSendError';
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

// An access token is renewed this long before WeChat says it expires, so none is used as it lapses.
const TOKEN_RENEWAL_MARGIN_MS = 5 * 60_000;
// WeChat's answers when the access token it was given is no longer valid.
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);

/**
 * WeChat's server API, at a configurable base URL (a local fake in tests). The secret travels only in
 * the request to WeChat; nothing here logs a URL or an answer.
 */
export class WeChatClient {
  private accessToken: { value: string; renewAt: number } | null = null;

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

  /** The server's access token (GET /cgi-bin/token), kept until shortly before it expires. */
  private async currentAccessToken(): Promise<string> {
    if (this.accessToken && Date.now() < this.accessToken.renewAt) return this.accessToken.value;
    const { appId, secret } = this.config;
    if (!appId || !secret) throw new WeChatSendError('未配置微信小程序的 AppID 和 AppSecret');
    const url = new URL('/cgi-bin/token', this.config.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString();
    const answer = await this.fetchJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(url);
    if (!answer.access_token) throw new WeChatSendError(`获取微信接口凭证失败（错误码 ${answer.errcode ?? '无'}）`);
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    this.accessToken = { value: answer.access_token, renewAt: Date.now() + Math.max(0, lifetimeMs - TOKEN_RENEWAL_MARGIN_MS) };
    return answer.access_token;
  }

  /** Sends one subscribe message; throws WeChatSendError when WeChat does not take it. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const token = await this.currentAccessToken();
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const answer = await this.fetchJson<{ errcode?: number; errmsg?: string }>(url, {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      lang: 'zh_CN',
    });
    if (answer.errcode) {
      if (TOKEN_REJECTED.has(answer.errcode)) this.accessToken = null;
      throw new WeChatSendError(`微信拒收订阅消息（错误码 ${answer.errcode}）`);
    }
  }

  /**
   * A mini-program code (wxacode.getUnlimited) that opens `page` (no leading slash) with `scene` (at most
   * 32 characters). WeChat answers with the image, or with JSON carrying errcode when it makes none; a
   * token it no longer takes is renewed once, since someone is waiting for the poster.
   */
  async unlimitedCode(request: { scene: string; page: string }): Promise<Buffer> {
    for (let attempt = 1; ; attempt += 1) {
      const url = new URL('/wxa/getwxacodeunlimit', this.config.apiBase);
      url.search = new URLSearchParams({ access_token: await this.currentAccessToken() }).toString();
      let response: Response;
      let bytes: Buffer;
      try {
        response = await fetch(url, {
          signal: AbortSignal.timeout(TIMEOUT_MS),
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // check_path false: a page of a version not yet released still gets its code.
          body: JSON.stringify({ scene: request.scene, page: request.page, check_path: false, env_version: 'release' }),
        });
        bytes = Buffer.from(await response.arrayBuffer());
      } catch {
        throw new WeChatSendError('连不上微信服务');
      }
      if (response.ok && response.headers.get('content-type')?.startsWith('image/')) return bytes;
      let errcode: number | undefined;
      try {
        errcode = (JSON.parse(bytes.toString('utf8')) as { errcode?: number }).errcode;
      } catch {
        // Not JSON either: a proxy's error page.
      }
      if (errcode === undefined || !TOKEN_REJECTED.has(errcode) || attempt === 2) {
        throw new WeChatSendError(`微信未生成小程序码（错误码 ${errcode ?? '无'}）`);
      }
      this.accessToken = null;
    }
  }

  private async fetchJson<T>(url: URL, body?: object): Promise<T> {
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body && { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      return (await response.json()) as T;
    } catch {
      throw new WeChatSendError('连不上微信服务');
    }
  }
}

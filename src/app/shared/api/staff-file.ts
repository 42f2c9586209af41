import Taro from '@tarojs/taro';
import { ApiErrorSchema } from '@core/shared/schemas';
import { storedToken } from './auth-session';

export type DownloadOutcome = { ok: true } | { ok: false; message: string; signInNeeded: boolean };

async function refusalOf(status: number, read: () => Promise<unknown>): Promise<DownloadOutcome> {
  let data: unknown = null;
  try {
    data = await read();
  } catch {
    data = null;
  }
  const refusal = ApiErrorSchema.safeParse(data);
  return {
    ok: false,
    message: refusal.success ? refusal.data.message : '服务暂时不可用，请稍后再试',
    signInNeeded: status === 401,
  };
}

/**
 * The name the server gave the file: RFC 5987's UTF-8 `filename*` (Chinese names), else the plain one.
 * One place names each file, the server, so the desk saves it as the server's answer says.
 */
export function attachmentName(disposition: string | null): string | null {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended) return decodeURIComponent(extended[1].trim());
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? null;
}

/** Long enough for the browser to have read the blob into the saved file; never while the page lives on. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Downloads a file the office exports (`url` from `apiUrl`). It needs the staff sign-in, which a plain link
 * cannot carry: in a browser it is fetched with the token and saved from a blob under the server's name for
 * it; in WeChat downloaded and opened, which only works for the document types WeChat opens (.xlsx here).
 * `what` names the file in the messages (名单, 报表).
 */
export async function downloadStaffFile(url: string, what: string): Promise<DownloadOutcome> {
  const token = storedToken('staff');
  if (!token) return { ok: false, message: '请先登录', signInNeeded: true };
  const header = { Authorization: `Bearer ${token}` };
  try {
    if (process.env.TARO_ENV === 'h5') {
      const response = await fetch(url, { headers: header });
      if (!response.ok) return refusalOf(response.status, () => response.json());
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = attachmentName(response.headers.get('Content-Disposition')) ?? what;
      link.click();
      // Some browsers start reading the blob only after click() returns: revoking at once can save nothing.
      setTimeout(URL.revokeObjectURL.bind(URL, link.href), OBJECT_URL_LIFETIME_MS);
      return { ok: true };
    }
    const download = await Taro.downloadFile({ url, header });
    if (download.statusCode !== 200) {
      return { ok: false, message: `${what}没有导出成功，请稍后再试`, signInNeeded: download.statusCode === 401 };
    }
    await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true };
  } catch {
    return { ok: false, message: `网络连接不畅，${what}没有导出，请稍后重试`, signInNeeded: false };
  }
}

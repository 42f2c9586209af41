import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { eventsContract } from '@core/events/contract';
import type { CheckInSchema, EventInputSchema } from '@core/events/schemas';
import { ApiErrorSchema } from '@core/shared/schemas';
import { apiUrl, callApi } from '../../../shared/api/api-client';
import { callAsStaff, storedToken } from '../../../shared/api/auth-session';

export type EventInputBody = z.input<typeof EventInputSchema>;
export type CheckInBody = z.input<typeof CheckInSchema>;

/** The office's side of the events: every call is made as the signed-in staff member. */
export const eventsOfficeApi = {
  events: async () => (await callAsStaff(eventsContract.staffList)).events,
  /** The town's communities, for the form's choice (the public list carries them). */
  communities: async () => (await callApi(eventsContract.list)).communities,
  create: (body: EventInputBody) => callAsStaff(eventsContract.create, { body }),
  update: (id: string, body: EventInputBody) => callAsStaff(eventsContract.update, { params: { id }, body }),
  publish: (id: string) => callAsStaff(eventsContract.publish, { params: { id } }),
  cancel: (id: string, reason: string) => callAsStaff(eventsContract.cancel, { params: { id }, body: { reason } }),
  signUps: (id: string) => callAsStaff(eventsContract.signUps, { params: { id } }),
  checkIn: (id: string, body: CheckInBody) => callAsStaff(eventsContract.checkIn, { params: { id }, body }),
};

export type ExportOutcome = { ok: true } | { ok: false; message: string; signInNeeded: boolean };

async function refusalOf(status: number, read: () => Promise<unknown>): Promise<ExportOutcome> {
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
 * Downloads the sign-up list as .xlsx. The file needs the staff sign-in, which a plain link cannot carry:
 * in a browser it is fetched with the token and saved from a blob; in WeChat downloaded and opened.
 */
export async function exportSignUps(id: string, fileName: string): Promise<ExportOutcome> {
  const token = storedToken('staff');
  if (!token) return { ok: false, message: '请先登录', signInNeeded: true };
  const url = apiUrl(eventsContract.signUpsFile, { params: { id } });
  const header = { Authorization: `Bearer ${token}` };
  try {
    if (process.env.TARO_ENV === 'h5') {
      const response = await fetch(url, { headers: header });
      if (!response.ok) return refusalOf(response.status, () => response.json());
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
      return { ok: true };
    }
    const download = await Taro.downloadFile({ url, header });
    if (download.statusCode !== 200) return { ok: false, message: '名单没有导出成功，请稍后再试', signInNeeded: download.statusCode === 401 };
    await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true };
  } catch {
    return { ok: false, message: '网络连接不畅，名单没有导出，请稍后重试', signInNeeded: false };
  }
}

import * as z from 'zod/mini';
import { eventsContract } from '@core/events/contract';
import type { CheckInSchema, EventInputSchema } from '@core/events/schemas';
import { reportsContract } from '@core/reports/contract';
import { apiUrl, callApi } from '../../../shared/api/api-client';
import { callAsStaff } from '../../../shared/api/auth-session';
import { downloadStaffFile, type DownloadOutcome } from '../../../shared/api/staff-file';

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
  recordAttendance: (id: string, attendance: number) =>
    callAsStaff(reportsContract.recordAttendance, { params: { id }, body: { attendance } }),
};

/** Downloads the sign-up list as .xlsx, with the staff sign-in. */
export function exportSignUps(id: string): Promise<DownloadOutcome> {
  return downloadStaffFile(apiUrl(eventsContract.signUpsFile, { params: { id } }), '名单');
}

import * as z from 'zod/mini';
import { feedbackContract } from '@core/feedback/contract';
import { FeedbackActionSchema, InboxQuerySchema } from '@core/feedback/schemas';
import { sessionsContract } from '@core/sessions/contract';
import { SessionChangeBodySchema } from '@core/sessions/schemas';
import { callApi } from '../../../shared/api/api-client';
import { callAsStaff } from '../../../shared/api/auth-session';

export type InboxQuery = z.input<typeof InboxQuerySchema>;
export type FeedbackActionBody = z.input<typeof FeedbackActionSchema>;
export type SessionChangeBody = z.input<typeof SessionChangeBodySchema>;
export type StationAndDate = { stationId: string; date: string };

/** The office's side of the feedback: every call is made as the signed-in staff member. */
export const officeApi = {
  inbox: (query: InboxQuery) => callAsStaff(feedbackContract.inbox, { query }),
  item: (id: string) => callAsStaff(feedbackContract.item, { params: { id } }),
  act: (id: string, body: FeedbackActionBody) => callAsStaff(feedbackContract.act, { params: { id }, body }),
  agenda: (session: StationAndDate) => callAsStaff(feedbackContract.agenda, { params: session }),
  closeSession: (session: StationAndDate, note: string | null) =>
    callAsStaff(feedbackContract.closeSession, { params: session, body: { note } }),
  changeSession: (session: StationAndDate, body: SessionChangeBody) =>
    callAsStaff(feedbackContract.changeSession, { params: session, body }),
  stations: () => callApi(sessionsContract.listStations),
};

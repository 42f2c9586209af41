import * as z from 'zod/mini';
import { eventsContract } from '@core/events/contract';
import type { EventListQuerySchema } from '@core/events/schemas';
import { feedbackContract } from '@core/feedback/contract';
import { apiUrl, callApi } from '../../../shared/api/api-client';
import { callAsResident } from '../../../shared/api/auth-session';

export type EventListQuery = z.input<typeof EventListQuerySchema>;

/** A resident's side of the events: the list is public; an event's page is read as the person on this device. */
export const eventsApi = {
  list: (query: EventListQuery) => callApi(eventsContract.list, { query }),
  event: (id: string) => callAsResident(eventsContract.event, { params: { id } }),
  /** Without anyone's sign-in (a page opened from Moments): the event without "my" sign-up. */
  publicEvent: (id: string) => callApi(eventsContract.event, { params: { id } }),
  /** `card`: the sharer and grid of the card the page was opened with, so that the sign-up is attributed even before the open lands. */
  signUp: (id: string, people: number, card: { sharer: string; grid: string } | null) =>
    callAsResident(eventsContract.signUp, { params: { id }, body: { people, ...card } }),
  cancelSignUp: (id: string) => callAsResident(eventsContract.cancelSignUp, { params: { id } }),
  remind: (id: string) => callAsResident(eventsContract.remind, { params: { id } }),
  checkInCode: (id: string) => callAsResident(eventsContract.checkInCode, { params: { id } }),
  calendarFileUrl: (id: string) => apiUrl(eventsContract.calendarFile, { params: { id } }),
};

/** The configured WeChat template of an event's messages (the day-before reminder, a cancellation), or null when the office has set none. */
export async function eventTemplateId(): Promise<string | null> {
  const { subscribeTemplates } = await callAsResident(feedbackContract.form);
  return subscribeTemplates.find((template) => template.kind === 'event')?.templateId ?? null;
}

/** Records that the person accepted the event template in WeChat: one message may then be sent. */
export async function reportEventSubscription(): Promise<void> {
  await callAsResident(feedbackContract.subscribe, { body: { accepted: ['event'] } });
}

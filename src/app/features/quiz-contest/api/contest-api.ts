import * as z from 'zod/mini';
import { quizContract } from '@core/quiz/contract';
import type { StartAttemptSchema } from '@core/quiz/schemas';
import { callAsResident } from '../../../shared/api/auth-session';

export type StartAttemptBody = z.input<typeof StartAttemptSchema>;
export type ChosenAnswer = { questionId: string; chosen: number[] };

/** A resident's side of the contests: every call is made as the person on this device. */
export const contestApi = {
  list: async () => (await callAsResident(quizContract.contests)).contests,
  detail: (id: string) => callAsResident(quizContract.contest, { params: { id } }),
  start: (id: string, body: StartAttemptBody) => callAsResident(quizContract.startAttempt, { params: { id }, body }),
  attempt: (id: string, attemptId: string) => callAsResident(quizContract.attempt, { params: { id, attemptId } }),
  submit: (id: string, attemptId: string, answers: ChosenAnswer[]) =>
    callAsResident(quizContract.submitAttempt, { params: { id, attemptId }, body: { answers } }),
  ranking: (id: string) => callAsResident(quizContract.ranking, { params: { id } }),
};

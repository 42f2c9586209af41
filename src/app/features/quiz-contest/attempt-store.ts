import Taro from '@tarojs/taro';
import type { Attempt, ContestResult } from '@core/quiz/schemas';

/** Chosen options by question id, in the order the options were shown. */
export type ChosenAnswers = Record<string, number[]>;

interface KeptAttempt {
  chosen: ChosenAnswers;
  /**
   * The phone's clock minus the server's when the attempt began, so that the countdown runs to the
   * server's deadline even on a phone whose clock is wrong.
   */
  clockOffsetMs: number;
}

const attemptKey = (attemptId: string) => `contest.attempt.${attemptId}`;
const resultKey = (attemptId: string) => `contest.result.${attemptId}`;
const PLACE_KEY = 'contest.place';

function keptAttempt(attemptId: string): KeptAttempt | null {
  const stored: unknown = Taro.getStorageSync(attemptKey(attemptId));
  if (!stored || typeof stored !== 'object') return null;
  const { chosen, clockOffsetMs } = stored as Partial<KeptAttempt>;
  if (!chosen || typeof chosen !== 'object' || typeof clockOffsetMs !== 'number') return null;
  return { chosen, clockOffsetMs };
}

/** Called as the server's answer to 开始答题 arrives: that instant on the phone is the attempt's startedAt. */
export function rememberStart(attempt: Attempt, receivedAt: number): void {
  if (keptAttempt(attempt.attemptId)) return;
  const kept: KeptAttempt = { chosen: {}, clockOffsetMs: receivedAt - Date.parse(attempt.startedAt) };
  Taro.setStorageSync(attemptKey(attempt.attemptId), kept);
}

/** What was chosen before the app was closed. */
export function keptAnswers(attemptId: string): ChosenAnswers {
  return keptAttempt(attemptId)?.chosen ?? {};
}

export function keepAnswers(attemptId: string, chosen: ChosenAnswers): void {
  // An attempt resumed on another phone has no offset of its own: its clock is trusted as it is.
  const clockOffsetMs = keptAttempt(attemptId)?.clockOffsetMs ?? 0;
  Taro.setStorageSync(attemptKey(attemptId), { chosen, clockOffsetMs });
}

/** The server's deadline as an instant on this phone's clock. */
export function deadlineOnPhone(attempt: Attempt): number {
  return Date.parse(attempt.deadlineAt) + (keptAttempt(attempt.attemptId)?.clockOffsetMs ?? 0);
}

/** The result, kept on the phone for the result page: the server gives it once, in answer to the submission. */
export function keepResult(result: ContestResult): void {
  Taro.setStorageSync(resultKey(result.attemptId), result);
  Taro.removeStorageSync(attemptKey(result.attemptId));
}

export function keptResult(attemptId: string): ContestResult | null {
  const stored: unknown = Taro.getStorageSync(resultKey(attemptId));
  return stored && typeof stored === 'object' && (stored as ContestResult).attemptId === attemptId ? (stored as ContestResult) : null;
}

/** An attempt the server will no longer take (late, or sent from elsewhere): its answers are of no more use. */
export function forgetAttempt(attemptId: string): void {
  Taro.removeStorageSync(attemptKey(attemptId));
}

export interface ChosenPlace {
  communityId: string;
  gridId: string | null;
}

/** Where the person said they live last time, to offer it again. */
export function keptPlace(): ChosenPlace | null {
  const stored: unknown = Taro.getStorageSync(PLACE_KEY);
  if (!stored || typeof stored !== 'object') return null;
  const { communityId, gridId } = stored as Partial<ChosenPlace>;
  return typeof communityId === 'string' ? { communityId, gridId: typeof gridId === 'string' ? gridId : null } : null;
}

export function keepPlace(place: ChosenPlace): void {
  Taro.setStorageSync(PLACE_KEY, place);
}

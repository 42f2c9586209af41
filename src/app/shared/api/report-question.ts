import { quizContract } from '@core/quiz/contract';
import { callAsResident } from './auth-session';

/** 纠错: tells the office what is wrong with one question, wherever the resident answered it. */
export async function reportQuestion(questionId: string, reason: string): Promise<void> {
  await callAsResident(quizContract.reportQuestion, { params: { id: questionId }, body: { reason } });
}

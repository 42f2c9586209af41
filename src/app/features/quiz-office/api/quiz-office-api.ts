import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { lawContract } from '@core/law/contract';
import { quizContract } from '@core/quiz/contract';
import type { CreateContestSchema, ImportResultSchema, ResolveReportSchema, StaffQuestionQuerySchema } from '@core/quiz/schemas';
import type { Question } from '@core/quiz/question';
import { ApiErrorSchema } from '@core/shared/schemas';
import { apiUrl, callApi } from '../../../shared/api/api-client';
import { callAsStaff, storedToken } from '../../../shared/api/auth-session';

export type CreateContestBody = z.input<typeof CreateContestSchema>;
export type QuestionQuery = z.input<typeof StaffQuestionQuerySchema>;
export type ResolveReportBody = z.input<typeof ResolveReportSchema>;
export type ImportResult = z.infer<typeof ImportResultSchema>;
export type ImportProblem = { row: number; message: string };

/** The office's side of the quizzes: every call is made as the signed-in staff member. */
export const quizOfficeApi = {
  contests: async () => (await callAsStaff(quizContract.staffContests)).contests,
  createContest: (body: CreateContestBody) => callAsStaff(quizContract.createContest, { body }),
  ranking: (id: string) => callAsStaff(quizContract.ranking, { params: { id } }),
  /** The Civil Code's books, to choose which a contest draws from. */
  civilCodeBooks: async () => (await callApi(lawContract.contents)).books.map((book) => book.title),
  questions: (query: QuestionQuery) => callAsStaff(quizContract.staffQuestions, { query }),
  editQuestion: (id: string, body: Question) => callAsStaff(quizContract.editQuestion, { params: { id }, body }),
  retireQuestion: (id: string, retired: boolean) => callAsStaff(quizContract.retireQuestion, { params: { id }, body: { retired } }),
  reports: async (status: 'open' | 'fixed' | 'retired' | 'dismissed') =>
    (await callAsStaff(quizContract.reportQueue, { query: { status } })).reports,
  resolveReport: (id: string, body: ResolveReportBody) => callAsStaff(quizContract.resolveReport, { params: { id }, body }),
};

/**
 * The one question with this id. The bank's search finds ids by their start, listed in id order, so the
 * id itself comes before the longer ids it begins and is always on the first page.
 */
export async function findQuestion(id: string) {
  const { questions } = await quizOfficeApi.questions({ q: id });
  return questions.find((question) => question.id === id) ?? null;
}

export type ImportOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; message: string; problems: ImportProblem[]; signInNeeded: boolean };

const ImportAnswerSchema = quizContract.importQuestions.response;

/**
 * Sends a bank file (JSON or .xlsx) as the multipart field `file`. A refused file comes back with its
 * problems row by row, which the shared upload helper would drop, so the answer is read here.
 */
export async function importQuestionFile(file: { path: string; name: string }): Promise<ImportOutcome> {
  const token = storedToken('staff');
  if (!token) return { ok: false, message: '请先登录', problems: [], signInNeeded: true };
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: apiUrl(quizContract.importQuestions),
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: { Authorization: `Bearer ${token}` },
      timeout: 120_000,
    });
  } catch {
    return { ok: false, message: '网络连接不畅，文件没有传上去，请稍后重试', problems: [], signInNeeded: false };
  }
  let data: unknown = null;
  try {
    data = JSON.parse(response.data);
  } catch {
    data = null;
  }
  if (response.statusCode < 400) {
    const parsed = ImportAnswerSchema.safeParse(data);
    if (parsed.success) return { ok: true, result: parsed.data };
    return { ok: false, message: '收到的数据有误，请刷新后查看题库', problems: [], signInNeeded: false };
  }
  const refusal = ApiErrorSchema.safeParse(data);
  if (!refusal.success) return { ok: false, message: '服务暂时不可用，请稍后再试', problems: [], signInNeeded: false };
  return {
    ok: false,
    message: refusal.data.message,
    problems: refusal.data.problems ?? [],
    signInNeeded: response.statusCode === 401,
  };
}

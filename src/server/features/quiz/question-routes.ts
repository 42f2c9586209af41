import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { quizContract } from '@core/quiz/contract';
import { questionProblems } from '@core/quiz/question';
import { QUESTION_PAGE_SIZE, type StaffQuestion } from '@core/quiz/schemas';
import type { DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { addRoute } from '../../shared/route';
import { staffIdOf } from '../feedback/office-routes';
import type { LawTexts } from './law-texts';
import { findQuestion, findQuestions, questionColumns, type StoredQuestion } from './question-bank';
import { questionsInUnfinishedPapers } from './contest-attempts';
import { normalisedStem } from './question-checks';
import { importFormatOf, importQuestions } from './question-import';

const IMPORT_FIELD = 'file';
const IMPORT_URL = `/api${quizContract.importQuestions.path}`;
/** A bank of a few thousand questions is well under this; a larger upload is not a bank file. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type Db = FastifyInstance['db'];

function questionNotFound(): AppError {
  return new AppError(404, 'QUESTION_NOT_FOUND', '题库中没有这道题');
}

async function openReportCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('questionReport')
    .select((eb) => ['questionId', eb.fn.countAll<string | number>().as('count')])
    .where('status', '=', 'open')
    .where('questionId', 'in', [...ids])
    .groupBy('questionId')
    .execute();
  return new Map(rows.map((row) => [row.questionId, Number(row.count)]));
}

function toStaffQuestion(question: StoredQuestion, openReports: number): StaffQuestion {
  const { updatedAt: _updatedAt, ...fields } = question;
  return { ...fields, openReports };
}

async function staffQuestion(db: Db, id: string): Promise<StaffQuestion> {
  const question = await findQuestion(db, id);
  if (!question) throw questionNotFound();
  return toStaffQuestion(question, (await openReportCounts(db, [id])).get(id) ?? 0);
}

/** LIKE with `!` as its escape: what a person types is matched as text, % and _ included. */
function likePattern(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/** The office's question bank: search, edit, retire, import, and residents' 纠错. */
export async function questionRoutes(app: FastifyInstance, options: { lawTexts: LawTexts }): Promise<void> {
  const { lawTexts } = options;

  // Registered here only: this module accepts multipart bodies for the import and nothing else of it does.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 } });

  app.addHook('preParsing', async (request) => {
    const isForm = /^multipart\/form-data\s*;/i.test(request.headers['content-type'] ?? '');
    if (request.method === 'POST' && request.routeOptions.url === IMPORT_URL && !isForm) {
      throw new AppError(415, 'IMPORT_FORM_REQUIRED', `请以表单（multipart/form-data）上传题库文件，文件字段名为 ${IMPORT_FIELD}`);
    }
  });

  addRoute(app, quizContract.staffQuestions, async ({ query }) => {
    const filter = (eb: ExpressionBuilder<DatabaseSchema, 'quizQuestion'>) => {
      const conditions = [];
      if (query.law) conditions.push(eb('law', '=', query.law));
      if (query.retired) conditions.push(eb('retired', '=', query.retired === '1' ? 1 : 0));
      if (query.q) {
        const words = likePattern(query.q);
        conditions.push(
          eb.or([
            sql<SqlBool>`${sql.ref('stem')} like ${`%${words}%`} escape '!'`,
            sql<SqlBool>`${sql.ref('id')} like ${`${words.toLowerCase()}%`} escape '!'`,
          ]),
        );
      }
      return eb.and(conditions);
    };
    const { count } = await app.db
      .selectFrom('quizQuestion')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where(filter)
      .executeTakeFirstOrThrow();
    const page = await app.db
      .selectFrom('quizQuestion')
      .select('id')
      .where(filter)
      .orderBy('law')
      .orderBy('id')
      .limit(QUESTION_PAGE_SIZE)
      .offset((query.page - 1) * QUESTION_PAGE_SIZE)
      .execute();
    const ids = page.map((row) => row.id);
    const [questions, reports] = await Promise.all([findQuestions(app.db, ids), openReportCounts(app.db, ids)]);
    return {
      questions: ids.flatMap((id) => {
        const question = questions.get(id);
        return question ? [toStaffQuestion(question, reports.get(id) ?? 0)] : [];
      }),
      total: Number(count),
      page: query.page,
      pageSize: QUESTION_PAGE_SIZE,
    };
  });

  addRoute(app, quizContract.editQuestion, async ({ params, body }) => {
    if (body.id !== params.id) throw new AppError(400, 'QUESTION_ID_CHANGED', '题目编号不能修改');
    const stored = await findQuestion(app.db, params.id);
    if (!stored) throw questionNotFound();
    const problems = questionProblems(body, lawTexts[stored.law].articles);
    const sameStem = await app.db
      .selectFrom('quizQuestion')
      .select(['id', 'stem'])
      .where('id', '!=', body.id)
      .execute()
      .then((rows) => rows.find((row) => normalisedStem(row.stem) === normalisedStem(body.stem)));
    if (sameStem) problems.push(`题干与题库中的 ${sameStem.id} 相同`);
    if (body.options.length !== stored.options.length && (await questionsInUnfinishedPapers(app.db, [body.id], app.now())).length > 0) {
      problems.push('这道题在正在进行的竞赛答卷里，竞赛结束前不能改变选项的个数');
    }
    if (problems.length > 0) throw new AppError(400, 'QUESTION_INVALID', `这道题还不能保存：${problems.join('；')}`);
    await app.db
      .updateTable('quizQuestion')
      // The law stays: the articles are numbers in that law. Edited questions are the office's own from now on.
      .set({ ...questionColumns(body, stored.law, lawTexts[stored.law]), source: 'edited', updatedAt: app.now().toISOString() })
      .where('id', '=', body.id)
      .execute();
    return staffQuestion(app.db, body.id);
  });

  addRoute(app, quizContract.retireQuestion, async ({ params, body }) => {
    const updated = await app.db
      .updateTable('quizQuestion')
      .set({ retired: body.retired ? 1 : 0, updatedAt: app.now().toISOString() })
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw questionNotFound();
    return staffQuestion(app.db, params.id);
  });

  addRoute(app, quizContract.importQuestions, async (request) => {
    // The contract has no body schema here: the form is read from the request as it streams in.
    const raw = request as unknown as FastifyRequest;
    let fileName: string;
    let bytes: Buffer;
    try {
      const file = await raw.file();
      if (!file) throw new AppError(400, 'IMPORT_FILE_MISSING', '没有收到文件，请重新选择');
      if (file.fieldname !== IMPORT_FIELD) throw new AppError(400, 'IMPORT_FIELD_WRONG', `题库文件应放在表单字段 ${IMPORT_FIELD} 中`);
      fileName = file.filename;
      bytes = await file.toBuffer();
    } catch (error) {
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
        throw new AppError(413, 'IMPORT_TOO_LARGE', '文件过大：题库文件最大 5 MB');
      }
      if (error instanceof app.multipartErrors.FilesLimitError) throw new AppError(400, 'IMPORT_ONE_FILE', '一次只能导入一个文件');
      throw error;
    }
    const format = importFormatOf(fileName, bytes);
    if (!format) throw new AppError(400, 'IMPORT_FORMAT', '只能导入 JSON 题库文件或 .xlsx 表格');
    return importQuestions(app.db, format, bytes, lawTexts, app.now());
  });

  addRoute(app, quizContract.reportQueue, async ({ query }) => {
    const reports = await app.db
      .selectFrom('questionReport')
      .leftJoin('staffAccount', 'staffAccount.id', 'questionReport.resolvedBy')
      // Never the reporter: the office needs what is wrong, not who said so.
      .select([
        'questionReport.id',
        'questionReport.questionId',
        'questionReport.reason',
        'questionReport.reportedAt',
        'questionReport.status',
        'questionReport.resolvedAt',
        'questionReport.note',
        'staffAccount.displayName as resolvedBy',
      ])
      .where('questionReport.status', '=', query.status)
      // Open ones oldest first (a queue); resolved ones latest first (a record).
      .orderBy(query.status === 'open' ? 'questionReport.reportedAt' : 'questionReport.resolvedAt', query.status === 'open' ? 'asc' : 'desc')
      .execute();
    const ids = reports.map((r) => r.questionId);
    const [questions, counts] = await Promise.all([findQuestions(app.db, ids), openReportCounts(app.db, ids)]);
    return {
      reports: reports.flatMap(({ questionId, ...report }) => {
        const question = questions.get(questionId);
        return question ? [{ ...report, question: toStaffQuestion(question, counts.get(questionId) ?? 0) }] : [];
      }),
    };
  });

  addRoute(app, quizContract.resolveReport, async ({ params, body, principal }) => {
    const staffId = staffIdOf(principal);
    const at = app.now().toISOString();
    await app.db.transaction().execute(async (trx) => {
      const report = await trx.selectFrom('questionReport').select(['questionId', 'status']).where('id', '=', params.id).executeTakeFirst();
      if (!report) throw new AppError(404, 'REPORT_NOT_FOUND', '找不到这条纠错');
      const alreadyResolved = new AppError(409, 'REPORT_RESOLVED', '这条纠错已经处理过了');
      if (report.status !== 'open') throw alreadyResolved;
      const resolved = { status: body.resolution, resolvedAt: at, resolvedBy: staffId, note: body.note || null };
      const updated = await trx
        .updateTable('questionReport')
        .set(resolved)
        .where('id', '=', params.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      // A colleague resolved it in the meantime.
      if (Number(updated.numUpdatedRows) === 0) throw alreadyResolved;
      if (body.resolution === 'retired') {
        await trx.updateTable('quizQuestion').set({ retired: 1, updatedAt: at }).where('id', '=', report.questionId).execute();
        // Other open reports of a question no longer used are settled with it, rather than left in the queue.
        await trx
          .updateTable('questionReport')
          .set(resolved)
          .where('questionId', '=', report.questionId)
          .where('status', '=', 'open')
          .execute();
      }
    });
    return { ok: true as const };
  });
}

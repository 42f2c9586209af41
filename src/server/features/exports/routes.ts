import type { FastifyInstance } from 'fastify';
import { reportsContract } from '@core/reports/contract';
import { addRoute } from '../../shared/route';
import { annualWorkbook } from './annual-file';
import { exportFile, exportScope } from './export-scope';
import { feedbackSheet } from './feedback-export';
import { quizSheet } from './quiz-export';
import { signUpSheet } from './sign-up-export';
import { sendTables } from './table-writer';

/** The office's files: each streams from the database as it is read, whatever its size. */
export async function exportRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, reportsContract.exportFeedback, async ({ query }, reply) => {
    const scope = await exportScope(app.db, query);
    return sendTables(reply, query.format, exportFile(scope, '反馈', 'feedback'), [feedbackSheet(app.db, scope, app.now())]);
  });

  addRoute(app, reportsContract.exportSignUps, async ({ query }, reply) => {
    const scope = await exportScope(app.db, query);
    return sendTables(reply, query.format, exportFile(scope, '活动报名', 'sign-ups'), [signUpSheet(app.db, scope)]);
  });

  addRoute(app, reportsContract.exportQuizResults, async ({ query }, reply) => {
    const scope = await exportScope(app.db, query);
    return sendTables(reply, query.format, exportFile(scope, '答题成绩', 'quiz-results'), [quizSheet(app.db, scope)]);
  });

  addRoute(app, reportsContract.annualSummaryFile, async ({ query }, reply) => {
    const { file, sheets } = await annualWorkbook(app.db, query.year, app.now());
    return sendTables(reply, 'xlsx', file, sheets);
  });
}

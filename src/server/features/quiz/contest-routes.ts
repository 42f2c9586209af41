import type { FastifyInstance } from 'fastify';
import { quizContract } from '@core/quiz/contract';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { staffIdOf } from '../feedback/office-routes';
import { resumeAttempt, startAttempt, submitAttempt } from './contest-attempts';
import { rankingView } from './contest-ranking';
import { contestPlaces, createContest, findContest, listContests } from './contest-store';
import { myContest, myContests } from './contest-views';
import type { LawTexts } from './law-texts';

/** The routes are open to the people's roles only; this narrows the type for what follows. */
function participantOf(principal: Principal): { userId: string; roles: Principal['roles'] } {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return { userId: principal.id, roles: principal.roles };
}

/** 知识竞赛: the office creates contests; residents take them and see the ranking. */
export async function contestRoutes(app: FastifyInstance, options: { lawTexts: LawTexts }): Promise<void> {
  addRoute(app, quizContract.staffContests, async () => ({ contests: await listContests(app.db, app.now()) }));

  addRoute(app, quizContract.createContest, async ({ body, principal }) =>
    createContest(app.db, body, options.lawTexts, staffIdOf(principal), app.now()),
  );

  addRoute(app, quizContract.contests, async ({ principal }) => ({
    contests: await myContests(app.db, participantOf(principal), app.now()),
  }));

  addRoute(app, quizContract.contest, async ({ params, principal }) => {
    const person = participantOf(principal);
    const contest = await findContest(app.db, params.id);
    return { ...(await myContest(app.db, contest, person, app.now())), places: await contestPlaces(app.db, person.userId) };
  });

  addRoute(app, quizContract.startAttempt, async ({ params, body, principal }) => {
    const contest = await findContest(app.db, params.id);
    return startAttempt(app.db, contest, participantOf(principal), body, app.now());
  });

  addRoute(app, quizContract.attempt, async ({ params, principal }) =>
    resumeAttempt(app.db, params.id, params.attemptId, participantOf(principal).userId, app.now()),
  );

  addRoute(app, quizContract.submitAttempt, async ({ params, body, principal }) =>
    submitAttempt(app.db, params.id, params.attemptId, participantOf(principal).userId, body.answers, options.lawTexts, app.now()),
  );

  addRoute(app, quizContract.ranking, async ({ params, principal }) => {
    const contest = await findContest(app.db, params.id);
    return rankingView(app.db, contest, principal.kind === 'user' ? principal.id : null, app.now());
  });
}

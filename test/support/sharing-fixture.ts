import type { ShareKind } from '../../src/core/sharing/schemas';
import { apiCaller, signInGuest, type ApiAnswer, type SignedInPerson } from './sign-in';
import type { TestApp } from './test-app';

/** A grid worker bound from the office, as the app knows them from 我的. */
export interface GridWorkerPerson extends SignedInPerson {
  workerId: string;
  gridId: string;
  sharerCode: string;
}

/** Registers a grid worker at the office and binds them to a fresh guest with the one-time code. */
export async function bindGridWorker(testApp: TestApp, staffToken: string, name: string, gridId: string): Promise<GridWorkerPerson> {
  const call = apiCaller(testApp);
  const person = await signInGuest(testApp);
  const created = await call({ method: 'POST', url: '/staff/grid-workers', token: staffToken, body: { name, gridId } });
  if (created.status !== 200) throw new Error(`Grid worker registration failed: ${created.raw}`);
  const code = await call({ method: 'POST', url: `/staff/grid-workers/${created.body.id}/binding-code`, token: staffToken });
  const bound = await call({ method: 'POST', url: '/me/bind', token: person.token, body: { code: code.body.code } });
  if (bound.status !== 200) throw new Error(`Binding failed: ${bound.raw}`);
  return { ...person, workerId: created.body.id, gridId, sharerCode: bound.body.gridWorker.sharerCode };
}

/** What a grid worker's share path carries (`g` and `s`). */
export const cardOf = (worker: GridWorkerPerson) => ({ sharer: worker.sharerCode, grid: worker.gridId });

/** The page opened from a card reports it, as the app does. */
export function openCard(
  testApp: TestApp,
  person: SignedInPerson,
  kind: ShareKind,
  itemId: string,
  via: { sharer?: string; grid?: string } = {},
): Promise<ApiAnswer> {
  return apiCaller(testApp)({ method: 'POST', url: '/shares/opens', token: person.token, body: { kind, itemId, ...via } });
}

/** A published event made at the office. */
export async function publishedEvent(testApp: TestApp, staffToken: string, title: string, startsAt: string, endsAt: string): Promise<string> {
  const call = apiCaller(testApp);
  const created = await call({
    method: 'POST',
    url: '/staff/events',
    token: staffToken,
    body: {
      title,
      type: 'yuanba',
      theme: '婚姻家庭编与继承编',
      law: '民法典',
      startsAt,
      endsAt,
      place: { name: '朝天咀社区院坝', address: '朝天咀社区 3 组', latitude: 29.08, longitude: 106.14 },
      communityId: 'chaotianzui',
      organiser: '白沙镇法治建设科',
      capacity: 50,
      description: '律师讲解遗嘱、赡养和婚姻家庭中的常见纠纷，现场答疑。',
    },
  });
  if (created.status !== 200) throw new Error(`Event creation failed: ${created.raw}`);
  const published = await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: staffToken });
  if (published.status !== 200) throw new Error(`Publishing failed: ${published.raw}`);
  return created.body.id;
}

/** A contest open all week, made at the office. */
export async function openContest(testApp: TestApp, staffToken: string, title: string): Promise<string> {
  const created = await apiCaller(testApp)({
    method: 'POST',
    url: '/staff/quiz/contests',
    token: staffToken,
    body: {
      title,
      law: 'civil-code',
      books: [],
      questionCount: 5,
      timeLimitMinutes: 10,
      attemptsAllowed: 1,
      startsAt: '2026-12-01T09:00:00+08:00',
      endsAt: '2026-12-07T18:00:00+08:00',
      audience: 'everyone',
    },
  });
  if (created.status !== 200) throw new Error(`Contest creation failed: ${created.raw}`);
  return created.body.id;
}

/** Takes today's 每日一练, answering each question's first option. */
export async function takeDailyQuiz(testApp: TestApp, person: SignedInPerson): Promise<void> {
  const call = apiCaller(testApp);
  const daily = await call({ url: '/quiz/daily', token: person.token });
  const answers = daily.body.questions.map((q: { id: string }) => ({ questionId: q.id, chosen: [0] }));
  const submitted = await call({ method: 'POST', url: '/quiz/daily', token: person.token, body: { answers } });
  if (submitted.status !== 200) throw new Error(`Daily quiz failed: ${submitted.raw}`);
}

/** Starts an attempt at a contest, as a resident of the first grid. */
export async function startContest(testApp: TestApp, person: SignedInPerson, contestId: string): Promise<void> {
  const started = await apiCaller(testApp)({
    method: 'POST',
    url: `/quiz/contests/${contestId}/attempts`,
    token: person.token,
    body: { communityId: 'chaotianzui', gridId: 'chaotianzui-1' },
  });
  if (started.status !== 200) throw new Error(`Contest start failed: ${started.raw}`);
}

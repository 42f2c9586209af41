import { SUBMISSION_GRACE_MS } from '../../src/server/features/quiz/contest-attempts';
import { RANKING_LENGTH } from '../../src/server/features/quiz/contest-ranking';
import { findQuestions } from '../../src/server/features/quiz/question-bank';
import { newId } from '../../src/server/shared/secrets';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { uploadQuestionFile } from '../support/question-upload';
import { createTestApp, type TestApp } from '../support/test-app';

// 知识竞赛 through the real server: the office creates contests, residents take them with their own
// papers, the server scores, ranks and reports participation.

const MORNING = new Date('2026-12-04T10:00:00+08:00');
let clock = MORNING;
const advanceSeconds = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let staff: string;
/** The smallest Civil Code book: a contest drawing all of it gives everyone the same questions, each in their own order. */
let smallBook: { title: string; questions: number };
const db = () => testApp.database.handle.db;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  staff = await signInStaff(testApp, { username: 'quiz.desk', displayName: '王科员' }, clock);
  // Populations as the town configuration gives them; a second village to see people counted apart.
  await db().updateTable('community').set({ population: 200 }).where('id', '=', 'chaotianzui').execute();
  await db().updateTable('grid').set({ population: 100 }).where('id', '=', 'chaotianzui-1').execute();
  await db().updateTable('grid').set({ population: null }).where('id', '=', 'chaotianzui-2').execute();
  await db().insertInto('community').values({ id: 'xinqiao', name: '新桥村', kind: '村', population: 50 }).execute();

  const books = await db()
    .selectFrom('quizQuestion')
    .select(['book', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('law', '=', 'civil-code')
    .where('retired', '=', 0)
    .groupBy('book')
    .execute();
  const usable = books.map((b) => ({ title: b.book as string, questions: Number(b.n) })).filter((b) => b.questions >= 10);
  smallBook = usable.sort((a, b) => a.questions - b.questions)[0];
});

afterAll(() => testApp.close());

beforeEach(() => {
  clock = MORNING;
});

interface ContestFields {
  title: string;
  law: 'civil-code' | 'constitution';
  books: string[];
  questionCount: number;
  timeLimitMinutes: number;
  attemptsAllowed: number;
  startsAt: string;
  endsAt: string;
  audience: 'everyone' | 'supervisors' | 'grid_workers';
}

const contestFields = (fields: Partial<ContestFields> = {}): ContestFields => ({
  title: '民法典知识竞赛',
  law: 'civil-code',
  books: [],
  questionCount: 5,
  timeLimitMinutes: 10,
  attemptsAllowed: 1,
  startsAt: '2026-12-01T09:00:00+08:00',
  endsAt: '2026-12-07T18:00:00+08:00',
  audience: 'everyone',
  ...fields,
});

async function createContest(fields: Partial<ContestFields> = {}): Promise<string> {
  const created = await call({ method: 'POST', url: '/staff/quiz/contests', token: staff, body: contestFields(fields) });
  if (created.status !== 200) throw new Error(`Contest creation failed: ${created.raw}`);
  return created.body.id;
}

const place = { communityId: 'chaotianzui', gridId: 'chaotianzui-1' };
const start = (person: SignedInPerson, contestId: string, body: object = place) =>
  call({ method: 'POST', url: `/quiz/contests/${contestId}/attempts`, token: person.token, body });

interface ShownQuestion {
  id: string;
  law: string;
  type: string;
  options: string[];
}
interface Attempt {
  attemptId: string;
  contestId: string;
  questions: ShownQuestion[];
  deadlineAt: string;
}

async function started(person: SignedInPerson, contestId: string, body: object = place): Promise<Attempt> {
  const answer = await start(person, contestId, body);
  if (answer.status !== 200) throw new Error(`Start failed: ${answer.raw}`);
  return answer.body;
}

/**
 * The right options in the order this person was shown them, worked out from the bank by option text
 * (options within a question are distinct), independently of how the server arranged them.
 */
async function rightAnswers(attempt: Attempt): Promise<{ questionId: string; chosen: number[] }[]> {
  const bank = await findQuestions(db(), attempt.questions.map((q) => q.id));
  return attempt.questions.map((shown) => {
    const question = bank.get(shown.id)!;
    const rightTexts = question.answer.map((index) => question.options[index]);
    return {
      questionId: shown.id,
      chosen: shown.options.flatMap((text, index) => (rightTexts.includes(text) ? [index] : [])),
    };
  });
}

/** Right answers to all but the first `wrong` questions, which get a wrong single option. */
async function answersScoring(attempt: Attempt, wrong: number) {
  const right = await rightAnswers(attempt);
  return right.map((answer, index) => {
    if (index >= wrong) return answer;
    const shown = attempt.questions[index];
    const wrongOption = shown.options.findIndex((_, option) => !answer.chosen.includes(option));
    return { questionId: answer.questionId, chosen: [wrongOption] };
  });
}

const submit = (person: SignedInPerson, attempt: Attempt, answers: unknown) =>
  call({
    method: 'POST',
    url: `/quiz/contests/${attempt.contestId}/attempts/${attempt.attemptId}/submit`,
    token: person.token,
    body: { answers },
  });

async function attemptRow(attemptId: string) {
  return db().selectFrom('contestAttempt').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
}

const attemptCount = async (contestId: string) =>
  (await db().selectFrom('contestAttempt').select('id').where('contestId', '=', contestId).execute()).length;

async function myContest(person: SignedInPerson, contestId: string) {
  const answer = await call({ url: `/quiz/contests/${contestId}`, token: person.token });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('the office creates contests', () => {
  test('a contest is created with its rules, listed for the office and for residents as open', async () => {
    const created = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ title: '12·4 宪法日竞赛', books: ['第一编 总则', '第三编 合同'], questionCount: 20, attemptsAllowed: 2 }),
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      title: '12·4 宪法日竞赛',
      books: ['第一编 总则', '第三编 合同'],
      questionCount: 20,
      attemptsAllowed: 2,
      startsAt: '2026-12-01T01:00:00.000Z',
      endsAt: '2026-12-07T10:00:00.000Z',
      status: 'open',
      participants: 0,
    });
    const office = await call({ url: '/staff/quiz/contests', token: staff });
    expect(office.body.contests.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const resident = await signInGuest(testApp);
    const mine = (await call({ url: '/quiz/contests', token: resident.token })).body.contests.find(
      (c: { id: string }) => c.id === created.body.id,
    );
    expect(mine).toMatchObject({ status: 'open', attemptsUsed: 0, mayTake: true, reason: null, best: null, openAttemptId: null });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await call({ url: `/quiz/contests/${missing}`, token: resident.token })).toMatchObject({
      status: 404,
      body: { message: '找不到这场竞赛' },
    });
    expect((await start(resident, missing)).status).toBe(404);
  });

  test('more questions than the active ones in the chosen books is refused with the count, and nothing is created', async () => {
    const before = (await db().selectFrom('contest').select('id').execute()).length;
    const tooMany = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ books: [smallBook.title], questionCount: smallBook.questions + 1 }),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe(`所选各编共有 ${smallBook.questions} 道题，不够每人抽 ${smallBook.questions + 1} 道`);

    // Retired questions are not drawn, so they do not count either.
    const [retired] = await db()
      .selectFrom('quizQuestion')
      .select('id')
      .where('book', '=', smallBook.title)
      .limit(1)
      .execute();
    await db().updateTable('quizQuestion').set({ retired: 1 }).where('id', '=', retired.id).execute();
    const withRetired = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ books: [smallBook.title], questionCount: smallBook.questions }),
    });
    await db().updateTable('quizQuestion').set({ retired: 0 }).where('id', '=', retired.id).execute();
    expect(withRetired.status).toBe(400);
    expect((await db().selectFrom('contest').select('id').execute()).length).toBe(before);
  });

  test('books must be books of that law, the window must run forwards in stated time zones, and only the office creates', async () => {
    const before = (await db().selectFrom('contest').select('id').execute()).length;
    const notABook = await call({ method: 'POST', url: '/staff/quiz/contests', token: staff, body: contestFields({ books: ['第九编 商法'] }) });
    expect(notABook).toMatchObject({ status: 400, body: { message: '“第九编 商法”不是《中华人民共和国民法典》的一编，请重新选择' } });
    const constitutionBook = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ law: 'constitution', books: ['第一编 总则'] }),
    });
    expect(constitutionBook).toMatchObject({ status: 400, body: { message: '《中华人民共和国宪法》不分编，出题范围请选整部法律' } });
    const backwards = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ startsAt: '2026-12-07T18:00:00+08:00', endsAt: '2026-12-01T09:00:00+08:00' }),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('结束时间应晚于开始时间');
    const hostTime = await call({ method: 'POST', url: '/staff/quiz/contests', token: staff, body: contestFields({ startsAt: '2026-12-01T09:00:00' }) });
    expect(hostTime).toMatchObject({ status: 400, body: { message: '开始时间请带上时区，如 2026-12-04T09:00:00+08:00' } });
    const resident = await signInGuest(testApp);
    expect((await call({ method: 'POST', url: '/staff/quiz/contests', token: resident.token, body: contestFields() })).status).toBe(403);
    expect((await db().selectFrom('contest').select('id').execute()).length).toBe(before);

    const wholeConstitution = await call({
      method: 'POST',
      url: '/staff/quiz/contests',
      token: staff,
      body: contestFields({ law: 'constitution', books: [], questionCount: 10 }),
    });
    expect(wholeConstitution.status).toBe(200);
    const paper = await started(resident, wholeConstitution.body.id);
    expect(paper.questions).toHaveLength(10);
    expect(new Set(paper.questions.map((q) => q.law))).toEqual(new Set(['constitution']));
  });

  test('residents see open contests first (closing soonest on top), then those to come, then ended ones', async () => {
    const ended = await createContest({ startsAt: '2026-11-20T09:00:00+08:00', endsAt: '2026-11-21T18:00:00+08:00' });
    const later = await createContest({ startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-21T18:00:00+08:00' });
    const closingLate = await createContest({ endsAt: '2026-12-31T18:00:00+08:00' });
    const closingSoon = await createContest({ endsAt: '2026-12-04T12:00:00+08:00' });
    const resident = await signInGuest(testApp);
    const listed: string[] = (await call({ url: '/quiz/contests', token: resident.token })).body.contests.map((c: { id: string }) => c.id);
    const order = [closingSoon, closingLate, later, ended].map((id) => listed.indexOf(id));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('taking part', () => {
  test('before the window and after it no attempt starts, and the list says why', async () => {
    const contestId = await createContest({ startsAt: '2026-12-10T09:00:00+08:00', endsAt: '2026-12-12T18:00:00+08:00' });
    const resident = await signInGuest(testApp);
    expect(await myContest(resident, contestId)).toMatchObject({
      status: 'upcoming',
      mayTake: false,
      reason: '竞赛尚未开始，2026-12-10 09:00 开始',
    });
    expect(await start(resident, contestId)).toMatchObject({ status: 409, body: { message: '竞赛尚未开始，2026-12-10 09:00 开始' } });

    clock = new Date('2026-12-12T18:00:00+08:00');
    expect(await myContest(resident, contestId)).toMatchObject({ status: 'ended', mayTake: false, reason: '竞赛已结束' });
    expect(await start(resident, contestId)).toMatchObject({ status: 409, body: { message: '竞赛已结束' } });
    expect(await attemptCount(contestId)).toBe(0);

    clock = new Date('2026-12-12T17:59:59+08:00');
    expect((await start(resident, contestId)).status).toBe(200);
  });

  test('starting again while an attempt is open answers the same paper; the attempts limit holds', async () => {
    const contestId = await createContest({ attemptsAllowed: 2 });
    const resident = await signInGuest(testApp);
    const first = await started(resident, contestId);
    const again = await started(resident, contestId);
    expect(again.attemptId).toBe(first.attemptId);
    expect(again.questions).toEqual(first.questions);
    expect(await myContest(resident, contestId)).toMatchObject({ attemptsUsed: 1, mayTake: true, openAttemptId: first.attemptId });

    expect((await submit(resident, first, await answersScoring(first, 0))).status).toBe(200);
    const second = await started(resident, contestId);
    expect(second.attemptId).not.toBe(first.attemptId);
    expect((await submit(resident, second, await answersScoring(second, 2))).status).toBe(200);

    const third = await start(resident, contestId);
    expect(third).toMatchObject({ status: 409, body: { message: '每人可答 2 次，您的答题次数已用完' } });
    expect(await attemptCount(contestId)).toBe(2);
    // The better of the two attempts is the one that stands.
    expect(await myContest(resident, contestId)).toMatchObject({
      attemptsUsed: 2,
      mayTake: false,
      reason: '每人可答 2 次，您的答题次数已用完',
      best: { score: 100, rank: 1 },
      openAttemptId: null,
    });
  });

  test('two starts at the same moment use one attempt', async () => {
    const contestId = await createContest();
    const resident = await signInGuest(testApp);
    const answers = await Promise.all(Array.from({ length: 5 }, () => start(resident, contestId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.attemptId)).size).toBe(1);
    expect(await attemptCount(contestId)).toBe(1);
  });

  test('a contest for supervisors or grid workers is theirs only; a grid worker counts for their own grid', async () => {
    const forSupervisors = await createContest({ audience: 'supervisors' });
    const forGridWorkers = await createContest({ audience: 'grid_workers' });
    const resident = await signInGuest(testApp);
    expect(await myContest(resident, forSupervisors)).toMatchObject({ mayTake: false, reason: '本场竞赛仅限执法监督员参加' });
    expect(await start(resident, forSupervisors)).toMatchObject({ status: 403, body: { message: '本场竞赛仅限执法监督员参加' } });
    expect(await start(resident, forGridWorkers)).toMatchObject({ status: 403, body: { message: '本场竞赛仅限网格员参加' } });
    expect(await attemptCount(forSupervisors)).toBe(0);

    const supervisor = await signInGuest(testApp);
    await bindSupervisor(testApp, staff, supervisor, { name: '陈监督', certificateNo: 'BS-2026-01' });
    expect((await start(supervisor, forSupervisors)).status).toBe(200);
    expect((await start(supervisor, forGridWorkers)).status).toBe(403);

    const gridWorker = await signInGuest(testApp);
    const registered = await call({ method: 'POST', url: '/staff/grid-workers', token: staff, body: { name: '刘网格', gridId: 'chaotianzui-2' } });
    const code = await call({ method: 'POST', url: `/staff/grid-workers/${registered.body.id}/binding-code`, token: staff });
    expect((await call({ method: 'POST', url: '/me/bind', token: gridWorker.token, body: { code: code.body.code } })).status).toBe(200);
    const detail = await myContest(gridWorker, forGridWorkers);
    expect(detail.places.ownGrid).toEqual({ communityId: 'chaotianzui', gridId: 'chaotianzui-2', name: '朝天咀社区第二网格' });
    const attempt = await started(gridWorker, forGridWorkers, { communityId: 'xinqiao', gridId: null });
    expect(await attemptRow(attempt.attemptId)).toMatchObject({ communityId: 'chaotianzui', gridId: 'chaotianzui-2' });
  });

  test('the community must be configured and the grid one of it; nothing is recorded otherwise', async () => {
    const contestId = await createContest();
    const resident = await signInGuest(testApp);
    expect(await start(resident, contestId, { communityId: 'nowhere' })).toMatchObject({
      status: 400,
      body: { message: '所选社区或村不存在，请重新选择' },
    });
    expect(await start(resident, contestId, { communityId: 'xinqiao', gridId: 'chaotianzui-1' })).toMatchObject({
      status: 400,
      body: { message: '所选网格不属于所选社区或村，请重新选择' },
    });
    expect(await start(resident, contestId, {})).toMatchObject({ status: 400 });
    expect(await attemptCount(contestId)).toBe(0);
    const detail = await myContest(resident, contestId);
    expect(detail.places.communities).toContainEqual({
      id: 'chaotianzui',
      name: '朝天咀社区',
      grids: [
        { id: 'chaotianzui-1', name: '朝天咀社区第一网格' },
        { id: 'chaotianzui-2', name: '朝天咀社区第二网格' },
      ],
    });
    expect(detail.places.ownGrid).toBeNull();
  });
});

describe('the paper', () => {
  test('the phone gets the questions without answers, explanations or articles', async () => {
    const contestId = await createContest({ questionCount: 20 });
    const resident = await signInGuest(testApp);
    const answer = await start(resident, contestId);
    expect(answer.status).toBe(200);
    expect(answer.body.questions).toHaveLength(20);
    for (const key of ['"answer"', '"explanation"', '"articles"']) expect(answer.raw).not.toContain(key);
    const bank = await findQuestions(db(), answer.body.questions.map((q: ShownQuestion) => q.id));
    for (const question of bank.values()) expect(answer.raw).not.toContain(question.explanation.slice(0, 20));
    expect(Object.keys(answer.body.questions[0]).sort()).toEqual(['book', 'chapter', 'id', 'law', 'options', 'stem', 'type']);

    // Resuming after the app was closed gives the same paper, still without answers.
    const resumed = await call({ url: `/quiz/contests/${contestId}/attempts/${answer.body.attemptId}`, token: resident.token });
    expect(resumed.body.questions).toEqual(answer.body.questions);
    expect(resumed.raw).not.toContain('"answer"');
    const stranger = await signInGuest(testApp);
    expect((await call({ url: `/quiz/contests/${contestId}/attempts/${answer.body.attemptId}`, token: stranger.token })).status).toBe(404);
  });

  test('two participants see the options in different orders, and each is scored against their own', async () => {
    const contestId = await createContest({ books: [smallBook.title], questionCount: smallBook.questions });
    const [wu, zhao] = [await signInGuest(testApp), await signInGuest(testApp)];
    const wuPaper = await started(wu, contestId);
    const zhaoPaper = await started(zhao, contestId);
    // The whole book for both: the same questions, each participant in their own order.
    expect(new Set(wuPaper.questions.map((q) => q.id))).toEqual(new Set(zhaoPaper.questions.map((q) => q.id)));
    expect(wuPaper.questions.map((q) => q.id)).not.toEqual(zhaoPaper.questions.map((q) => q.id));
    const zhaoOptions = new Map(zhaoPaper.questions.map((q) => [q.id, q.options]));
    const reordered = wuPaper.questions.filter((q) => q.options.join('|') !== zhaoOptions.get(q.id)!.join('|'));
    expect(reordered.length).toBeGreaterThan(0);

    const wuRight = await rightAnswers(wuPaper);
    const zhaoRight = await rightAnswers(zhaoPaper);
    const wuResult = await submit(wu, wuPaper, wuRight);
    expect(wuResult.body).toMatchObject({ score: 100, correctCount: smallBook.questions, total: smallBook.questions });
    // 赵 sends 吴's option numbers: wherever the orders differ, that is another option for 赵.
    const zhaoRightByQuestion = new Map(zhaoRight.map((a) => [a.questionId, a.chosen.join(',')]));
    const stillRight = wuRight.filter((a) => zhaoRightByQuestion.get(a.questionId) === a.chosen.join(',')).length;
    const zhaoResult = await submit(zhao, zhaoPaper, wuRight);
    expect(zhaoResult.status).toBe(200);
    expect(zhaoResult.body.correctCount).toBe(stillRight);
    expect(stillRight).toBeLessThan(smallBook.questions);
  });

  test('a partly right multiple choice is wrong; the review shows the right answer in my order with its explanation and article', async () => {
    const contestId = await createContest({ books: [smallBook.title], questionCount: smallBook.questions });
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    const answers = await rightAnswers(paper);
    const multipleAt = paper.questions.findIndex((q) => q.type === 'multiple');
    expect(multipleAt).toBeGreaterThanOrEqual(0);
    const fullAnswer = answers[multipleAt].chosen;
    answers[multipleAt] = { questionId: answers[multipleAt].questionId, chosen: fullAnswer.slice(1) };

    const result = await submit(resident, paper, answers);
    expect(result.status).toBe(200);
    expect(result.body.correctCount).toBe(smallBook.questions - 1);
    const reviewed = result.body.answers[multipleAt];
    expect(reviewed).toMatchObject({ correct: false, chosen: fullAnswer.slice(1), answer: fullAnswer });
    expect(reviewed.question.options).toEqual(paper.questions[multipleAt].options);
    const stored = (await findQuestions(db(), [reviewed.question.id])).get(reviewed.question.id)!;
    expect(reviewed.explanation).toBe(stored.explanation);
    expect(reviewed.articles[0]).toMatchObject({ law: 'civil-code', no: stored.articles[0] });
    expect(reviewed.articles[0].text.length).toBeGreaterThan(10);
    expect(result.body.answers.map((a: { question: { id: string } }) => a.question.id)).toEqual(paper.questions.map((q) => q.id));
  });

  test('answers to questions not drawn, or options a question does not have, are refused and nothing is recorded', async () => {
    const contestId = await createContest();
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    const right = await rightAnswers(paper);
    const [outsider] = await db()
      .selectFrom('quizQuestion')
      .select('id')
      .where('id', 'not in', paper.questions.map((q) => q.id))
      .limit(1)
      .execute();

    const notDrawn = await submit(resident, paper, [...right.slice(1), { questionId: outsider.id, chosen: [0] }]);
    expect(notDrawn.status).toBe(400);
    expect(notDrawn.body.message).toBe(`题目 ${outsider.id} 不是本次抽到的题，不能作答`);
    const optionCount = paper.questions[0].options.length;
    const badOption = await submit(resident, paper, [{ questionId: right[0].questionId, chosen: [optionCount] }, ...right.slice(1)]);
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toBe(`第 1 题没有编号为 ${optionCount} 的选项（应为 0–${optionCount - 1}）`);
    const twice = await submit(resident, paper, [right[0], ...right]);
    expect(twice).toMatchObject({ status: 400, body: { message: '第 1 题的答案提交了不止一次' } });
    const notAnOption = await submit(resident, paper, [{ questionId: right[0].questionId, chosen: ['A'] }]);
    expect(notAnOption.status).toBe(400);

    expect(await attemptRow(paper.attemptId)).toMatchObject({ submittedAt: null, answers: null, score: null });
    // The paper is still open and the honest submission counts.
    expect((await submit(resident, paper, right)).body).toMatchObject({ score: 100, correctCount: 5 });
  });
});

describe('time and repeats', () => {
  test('time taken is the server clock; a second submission is refused and changes nothing', async () => {
    const contestId = await createContest({ attemptsAllowed: 3 });
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    advanceSeconds(95.6);
    const first = await submit(resident, paper, await answersScoring(paper, 1));
    expect(first.body).toMatchObject({ score: 80, correctCount: 4, secondsTaken: 95 });
    const stored = await attemptRow(paper.attemptId);

    advanceSeconds(5);
    const again = await submit(resident, paper, await answersScoring(paper, 0));
    expect(again).toMatchObject({ status: 409, body: { message: '这份答卷已经交过了，不能重复交卷' } });
    expect(await attemptRow(paper.attemptId)).toEqual(stored);
    expect((await call({ url: `/quiz/contests/${contestId}/attempts/${paper.attemptId}`, token: resident.token })).status).toBe(409);
  });

  test('a paper sent within the grace after its deadline counts; a later one closes the attempt with no score', async () => {
    const contestId = await createContest({ timeLimitMinutes: 10, attemptsAllowed: 2 });
    const resident = await signInGuest(testApp);
    const inTime = await started(resident, contestId);
    expect(inTime.deadlineAt).toBe(new Date(clock.getTime() + 10 * 60_000).toISOString());
    advanceSeconds(10 * 60 + SUBMISSION_GRACE_MS / 1000);
    const accepted = await submit(resident, inTime, await answersScoring(inTime, 0));
    // The network's seconds are not the participant's.
    expect(accepted.body).toMatchObject({ score: 100, secondsTaken: 600 });

    const late = await started(resident, contestId);
    advanceSeconds(10 * 60 + SUBMISSION_GRACE_MS / 1000 + 1);
    const refused = await submit(resident, late, await answersScoring(late, 0));
    expect(refused).toMatchObject({ status: 409, body: { message: '已超过答题时限，本次答卷不计成绩' } });
    expect(await attemptRow(late.attemptId)).toMatchObject({ submittedAt: clock.toISOString(), score: null, answers: null });
    expect((await submit(resident, late, await answersScoring(late, 0))).status).toBe(409);
    expect(await myContest(resident, contestId)).toMatchObject({
      attemptsUsed: 2,
      mayTake: false,
      openAttemptId: null,
      best: { score: 100, secondsTaken: 600 },
    });
  });

  test('the contest end cuts the time limit short, and a paper left unsubmitted past its deadline is no longer open', async () => {
    const contestId = await createContest({ timeLimitMinutes: 30, attemptsAllowed: 2, endsAt: '2026-12-04T10:05:00+08:00' });
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    expect(paper.deadlineAt).toBe('2026-12-04T02:05:00.000Z');
    advanceSeconds(5 * 60 + SUBMISSION_GRACE_MS / 1000 + 1);
    expect((await call({ url: `/quiz/contests/${contestId}/attempts/${paper.attemptId}`, token: resident.token })).body).toMatchObject({
      message: '已超过答题时限，本次答卷不计成绩',
    });
    expect(await myContest(resident, contestId)).toMatchObject({ attemptsUsed: 1, openAttemptId: null, reason: '竞赛已结束' });
  });

  test('fifty submissions of one paper at once: exactly one is scored', async () => {
    const contestId = await createContest();
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    const right = await rightAnswers(paper);
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(resident, paper, right)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    expect(await attemptRow(paper.attemptId)).toMatchObject({ score: 100, correctCount: 5 });
    expect(await attemptCount(contestId)).toBe(1);
  });
});

describe('the office editing questions during a contest', () => {
  test('a question in an unfinished paper keeps its number of options until the paper is in; other edits are taken', async () => {
    // Papers earlier tests left open would hold the same questions: they are handed in first.
    await db().updateTable('contestAttempt').set({ submittedAt: clock.toISOString() }).where('submittedAt', 'is', null).execute();
    // The whole of the smallest book: the paper holds every one of its questions, choice questions among them.
    const contestId = await createContest({ books: [smallBook.title], questionCount: smallBook.questions });
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    const held = paper.questions.find((q) => q.type !== 'true_false' && q.options.length < 6)!;
    expect(held).toBeDefined();
    const stored = (await findQuestions(db(), [held.id])).get(held.id)!;
    const { law: _law, book: _book, chapter: _chapter, retired: _retired, source: _source, updatedAt: _updatedAt, ...editable } = stored;
    const withExtraOption = { ...editable, options: [...stored.options, '以上说法都不对'] };
    const reworded = { ...editable, stem: `${stored.stem}（请仔细阅读）` };
    const edit = (body: object) => call({ method: 'PUT', url: `/staff/quiz/questions/${held.id}`, token: staff, body });

    const refused = await edit(withExtraOption);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('竞赛结束前不能改变选项的个数');
    expect((await findQuestions(db(), [held.id])).get(held.id)!.options).toEqual(stored.options);
    expect((await edit(reworded)).status).toBe(200);

    const bankFile = (question: object) => Buffer.from(JSON.stringify({ law: 'civil-code', questions: [question] }));
    const importRefused = await uploadQuestionFile(testApp, staff, 'bank.json', bankFile({ ...withExtraOption, stem: reworded.stem }));
    expect(importRefused.status).toBe(422);
    expect(importRefused.body.problems).toEqual([{ row: 1, message: `${held.id} 在正在进行的竞赛答卷里，竞赛结束前不能改变选项的个数` }]);

    const result = await submit(resident, paper, await rightAnswers(paper));
    expect(result.body.score).toBe(100);
    expect((await edit({ ...withExtraOption, stem: reworded.stem })).status).toBe(200);
  });
});

describe('ranking and participation', () => {
  test('ranked by score, then time; equal score and time share a rank; each person once with their best', async () => {
    const contestId = await createContest({ attemptsAllowed: 2 });
    const people = { a: await signInGuest(testApp), b: await signInGuest(testApp), c: await signInGuest(testApp), d: await signInGuest(testApp) };
    const take = async (person: SignedInPerson, seconds: number, wrong: number, where: object = place) => {
      const paper = await started(person, contestId, where);
      const answers = await answersScoring(paper, wrong);
      advanceSeconds(seconds);
      const result = await submit(person, paper, answers);
      expect(result.status).toBe(200);
      return result.body;
    };
    await take(people.a, 60, 0);
    await take(people.b, 60, 0, { communityId: 'xinqiao' });
    await take(people.c, 30, 0);
    await take(people.d, 10, 1);
    // D tries again and does worse: the better attempt stands.
    const retry = await take(people.d, 5, 3);
    expect(retry).toMatchObject({ score: 40, rank: 4, participants: 4 });

    const ranking = await call({ url: `/quiz/contests/${contestId}/ranking`, token: people.b.token });
    expect(ranking.status).toBe(200);
    expect(ranking.body.entries.map((e: { rank: number; score: number; secondsTaken: number; mine: boolean }) => [e.rank, e.score, e.secondsTaken, e.mine])).toEqual([
      [1, 100, 30, false],
      [2, 100, 60, false],
      [2, 100, 60, true],
      [4, 80, 10, false],
    ]);
    const labels: string[] = ranking.body.entries.map((e: { label: string }) => e.label);
    expect(labels[2]).toMatch(/^新桥村 · [0-9a-f]{4}$/);
    expect(labels[0]).toMatch(/^朝天咀社区 · [0-9a-f]{4}$/);
    for (const person of Object.values(people)) expect(ranking.raw).not.toContain(person.userId);
    expect(ranking.body.contest.participants).toBe(4);
    // Each person's own standing, as the contest list and a result give it, is their place in the ranking.
    const standings = [];
    for (const person of [people.c, people.a, people.b, people.d]) standings.push((await myContest(person, contestId)).best);
    expect(standings).toEqual([
      { score: 100, secondsTaken: 30, rank: 1 },
      { score: 100, secondsTaken: 60, rank: 2 },
      { score: 100, secondsTaken: 60, rank: 2 },
      { score: 80, secondsTaken: 10, rank: 4 },
    ]);
    // The office reads the same ranking, with nobody marked as its own.
    const office = await call({ url: `/quiz/contests/${contestId}/ranking`, token: staff });
    expect(office.body.entries.every((e: { mine: boolean }) => !e.mine)).toBe(true);
  });

  test(`the ranking lists the first ${RANKING_LENGTH}, and my own entry below them`, async () => {
    const contestId = await createContest();
    const at = clock.toISOString();
    const others = Array.from({ length: RANKING_LENGTH }, (_, i) => ({ userId: newId(), seconds: i + 1 }));
    await db()
      .insertInto('appUser')
      .values(others.map(({ userId }) => ({ id: userId, kind: 'guest' as const, wechatOpenid: null, createdAt: at })))
      .execute();
    await db()
      .insertInto('contestAttempt')
      .values(
        others.map(({ userId, seconds }) => ({
          id: newId(),
          contestId,
          userId,
          seq: 1,
          communityId: 'chaotianzui',
          gridId: null,
          paper: '[]',
          startedAt: at,
          deadlineAt: at,
          submittedAt: at,
          answers: '[]',
          score: 100,
          correctCount: 5,
          secondsTaken: seconds,
        })),
      )
      .execute();
    const resident = await signInGuest(testApp);
    const paper = await started(resident, contestId);
    expect((await submit(resident, paper, await answersScoring(paper, 1))).body).toMatchObject({
      rank: RANKING_LENGTH + 1,
      participants: RANKING_LENGTH + 1,
    });
    const entries = (await call({ url: `/quiz/contests/${contestId}/ranking`, token: resident.token })).body.entries;
    expect(entries).toHaveLength(RANKING_LENGTH + 1);
    expect(entries[RANKING_LENGTH - 1]).toMatchObject({ rank: RANKING_LENGTH, secondsTaken: RANKING_LENGTH, mine: false });
    expect(entries[RANKING_LENGTH]).toMatchObject({ rank: RANKING_LENGTH + 1, score: 80, mine: true });
    expect((await call({ url: `/quiz/contests/${contestId}/ranking`, token: staff })).body.entries).toHaveLength(RANKING_LENGTH);
  });

  test('participation by community and grid as counts and rates of the configured populations', async () => {
    const contestId = await createContest({ attemptsAllowed: 2 });
    const inGridOne = [await signInGuest(testApp), await signInGuest(testApp)];
    const noGrid = await signInGuest(testApp);
    const villager = await signInGuest(testApp);
    const onlyStarted = await signInGuest(testApp);
    for (const person of inGridOne) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const paper = await started(person, contestId);
        expect((await submit(person, paper, await answersScoring(paper, attempt))).status).toBe(200);
      }
    }
    const noGridPaper = await started(noGrid, contestId, { communityId: 'chaotianzui' });
    await submit(noGrid, noGridPaper, await answersScoring(noGridPaper, 2));
    const villagerPaper = await started(villager, contestId, { communityId: 'xinqiao' });
    await submit(villager, villagerPaper, await answersScoring(villagerPaper, 0));
    // Started and never sent: not a participant.
    await started(onlyStarted, contestId, { communityId: 'xinqiao' });

    const ranking = (await call({ url: `/quiz/contests/${contestId}/ranking`, token: staff })).body;
    expect(ranking.byCommunity).toEqual([
      { id: 'chaotianzui', name: '朝天咀社区', participants: 3, population: 200, rate: 1.5 },
      { id: 'xinqiao', name: '新桥村', participants: 1, population: 50, rate: 2 },
    ]);
    expect(ranking.byGrid).toEqual([
      { id: 'chaotianzui-1', name: '朝天咀社区第一网格', participants: 2, population: 100, rate: 2 },
      { id: 'chaotianzui-2', name: '朝天咀社区第二网格', participants: 0, population: null, rate: null },
    ]);
    expect(ranking.entries).toHaveLength(4);
  });
});

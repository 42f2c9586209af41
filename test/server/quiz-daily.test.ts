import { dailyDraw } from '../../src/core/quiz/daily-draw';
import { findQuestions, loadQuestions, type StoredQuestion } from '../../src/server/features/quiz/question-bank';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// 每日一练 through the real server: five Civil Code questions a Shanghai day, the same all day for one
// person, one scored attempt, a streak, and wrong answers kept in the 错题本.

let clock = new Date('2026-11-26T10:00:00+08:00');
const at = (iso: string) => {
  clock = new Date(iso);
};

let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
const db = () => testApp.database.handle.db;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
});

afterAll(() => testApp.close());

const getDaily = (person: SignedInPerson) => call({ url: '/quiz/daily', token: person.token });
const submitDaily = (person: SignedInPerson, answers: { questionId: string; chosen: number[] }[]) =>
  call({ method: 'POST', url: '/quiz/daily', token: person.token, body: { answers } });

/** The stored questions behind a set of ids, in that order. */
async function storedQuestions(ids: string[]): Promise<StoredQuestion[]> {
  const found = await findQuestions(db(), ids);
  return ids.map((id) => found.get(id)!);
}

/** A choice that is certainly wrong: right for a single choice or true/false is one index, so take another. */
const wrongChoice = (question: StoredQuestion) => [question.options.findIndex((_, i) => !question.answer.includes(i))];

/** Answers the day's set: right for the first `rightCount` questions, wrong for the rest. */
async function answersFor(ids: string[], rightCount: number) {
  return (await storedQuestions(ids)).map((question, i) => ({
    questionId: question.id,
    chosen: i < rightCount ? question.answer : wrongChoice(question),
  }));
}

async function dailyRow(person: SignedInPerson, date: string) {
  return db().selectFrom('quizDaily').selectAll().where('userId', '=', person.userId).where('date', '=', date).executeTakeFirst();
}

async function wrongBookIds(person: SignedInPerson): Promise<string[]> {
  const rows = await db().selectFrom('quizWrongAnswer').select('questionId').where('userId', '=', person.userId).orderBy('questionId').execute();
  return rows.map((row) => row.questionId);
}

describe('the day’s set', () => {
  test('five active Civil Code questions drawn by dailyDraw for this person and Shanghai day, the same all day', async () => {
    const person = await signInGuest(testApp);
    at('2026-11-26T00:00:00+08:00');
    const morning = await getDaily(person);
    expect(morning.status).toBe(200);
    expect(morning.body.date).toBe('2026-11-26');
    const ids = morning.body.questions.map((q: { id: string }) => q.id);
    const activeCivilCode = (await loadQuestions(db(), { law: 'civil-code' })).map((q) => q.id);
    expect(ids).toEqual(dailyDraw(person.userId, '2026-11-26', activeCivilCode));
    expect(morning.body.questions.every((q: { law: string; book: string }) => q.law === 'civil-code' && q.book.startsWith('第'))).toBe(true);
    expect(morning.body).toMatchObject({ streak: 0, result: null });

    at('2026-11-26T23:59:59+08:00');
    expect((await getDaily(person)).body.questions.map((q: { id: string }) => q.id)).toEqual(ids);
  });

  test('another person gets another set on the same day', async () => {
    at('2026-11-26T12:00:00+08:00');
    const first = await getDaily(await signInGuest(testApp));
    const second = await getDaily(await signInGuest(testApp));
    expect(second.body.questions.map((q: { id: string }) => q.id)).not.toEqual(first.body.questions.map((q: { id: string }) => q.id));
  });

  test('the day turns at midnight in Shanghai (16:00 UTC), whatever the host’s timezone', async () => {
    const person = await signInGuest(testApp);
    at('2026-11-26T15:59:59Z');
    const lastSecond = await getDaily(person);
    at('2026-11-26T16:00:00Z');
    const nextDay = await getDaily(person);
    expect(lastSecond.body.date).toBe('2026-11-26');
    expect(nextDay.body.date).toBe('2026-11-27');
    const before = lastSecond.body.questions.map((q: { id: string }) => q.id);
    const after = nextDay.body.questions.map((q: { id: string }) => q.id);
    // A person walks through the bank: consecutive days share no question.
    expect(after.filter((id: string) => before.includes(id))).toEqual([]);
  });

  test('the set drawn in the morning stays the set all day, even after the office retires one of its questions', async () => {
    at('2026-11-28T09:00:00+08:00');
    const person = await signInGuest(testApp);
    const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
    const staff = await signInStaff(testApp, { username: 'bank.desk', displayName: '题库管理员' }, clock);
    const retired = await call({ method: 'POST', url: `/staff/quiz/questions/${ids[0]}/retired`, token: staff, body: { retired: true } });
    expect(retired.status).toBe(200);
    at('2026-11-28T20:00:00+08:00');
    expect((await getDaily(person)).body.questions.map((q: { id: string }) => q.id)).toEqual(ids);
    // Another person starting today no longer meets the retired question.
    const latecomer = await signInGuest(testApp);
    const theirs = (await getDaily(latecomer)).body.questions.map((q: { id: string }) => q.id);
    expect(theirs).not.toContain(ids[0]);
    await call({ method: 'POST', url: `/staff/quiz/questions/${ids[0]}/retired`, token: staff, body: { retired: false } });
  });

  test('the phone never receives the answers before submitting: no answer, explanation or cited article in the payload', async () => {
    at('2026-11-26T10:00:00+08:00');
    const person = await signInGuest(testApp);
    const daily = await getDaily(person);
    const questions = await storedQuestions(daily.body.questions.map((q: { id: string }) => q.id));
    expect(daily.raw).not.toMatch(/"answer"|"explanation"|"articles"|"result":\{/);
    for (const question of questions) {
      expect(daily.raw).not.toContain(question.explanation.slice(0, 20));
    }
    expect(Object.keys(daily.body.questions[0]).sort()).toEqual(['book', 'chapter', 'id', 'law', 'options', 'stem', 'type']);
  });
});

describe('submitting', () => {
  test('one scored attempt a day: the result with explanations and articles, then 409 with nothing changed', async () => {
    at('2026-11-26T10:00:00+08:00');
    const person = await signInGuest(testApp);
    const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
    const answers = await answersFor(ids, 3);
    const submitted = await submitDaily(person, answers);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ date: '2026-11-26', score: 60, correctCount: 3, total: 5, streak: 1 });
    expect(submitted.body.answers.map((a: { correct: boolean }) => a.correct)).toEqual([true, true, true, false, false]);
    const first = submitted.body.answers[0];
    const stored = (await storedQuestions(ids))[0];
    expect(first.answer).toEqual(stored.answer);
    expect(first.explanation).toBe(stored.explanation);
    expect(first.articles[0]).toMatchObject({ law: 'civil-code', no: stored.articles[0] });
    expect(first.articles[0].text.length).toBeGreaterThan(10);

    const rowAfterFirst = await dailyRow(person, '2026-11-26');
    at('2026-11-26T18:00:00+08:00');
    const again = await submitDaily(person, await answersFor(ids, 5));
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('今天已经答过了，明天再来');
    expect(await dailyRow(person, '2026-11-26')).toEqual(rowAfterFirst);

    const later = await getDaily(person);
    expect(later.body.result).toMatchObject({ score: 60, correctCount: 3, streak: 1 });
    expect(later.body.result.answers).toHaveLength(5);
  });

  test('unanswered questions count as wrong', async () => {
    at('2026-11-26T10:00:00+08:00');
    const person = await signInGuest(testApp);
    const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
    const [firstRight] = await answersFor(ids.slice(0, 1), 1);
    const submitted = await submitDaily(person, [firstRight]);
    expect(submitted.body).toMatchObject({ score: 20, correctCount: 1 });
    expect(submitted.body.answers[1]).toMatchObject({ chosen: [], correct: false });
  });

  test('an answer to a question not in today’s set, or an option the question lacks, is refused and nothing is stored', async () => {
    at('2026-11-26T10:00:00+08:00');
    const person = await signInGuest(testApp);
    const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
    const notToday = (await loadQuestions(db(), { law: 'civil-code' })).find((q) => !ids.includes(q.id))!;
    const good = await answersFor(ids, 5);

    const stranger = await submitDaily(person, [...good.slice(0, 4), { questionId: notToday.id, chosen: [0] }]);
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toBe(`题目 ${notToday.id} 不是本次抽到的题，不能作答`);

    const [firstQuestion] = await storedQuestions(ids);
    const missingOption = firstQuestion.options.length;
    const badOption = await submitDaily(person, [{ questionId: ids[0], chosen: [missingOption] }, ...good.slice(1)]);
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toBe(`第 1 题没有编号为 ${missingOption} 的选项（应为 0–${missingOption - 1}）`);

    const twice = await submitDaily(person, [good[0], good[0]]);
    expect(twice.status).toBe(400);

    expect((await dailyRow(person, '2026-11-26'))?.submittedAt).toBeNull();
    expect(await wrongBookIds(person)).toEqual([]);
    // The day's one attempt is still there to use.
    expect((await submitDaily(person, good)).status).toBe(200);
  });

  test('the streak counts consecutive Shanghai days, stands until a whole day is missed, then starts again', async () => {
    const person = await signInGuest(testApp);
    const doTheDay = async (iso: string) => {
      at(iso);
      const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
      return submitDaily(person, await answersFor(ids, 5));
    };
    expect((await doTheDay('2026-12-01T08:00:00+08:00')).body.streak).toBe(1);
    // 23:30 on the 2nd in Shanghai is still the 2nd, although it is the 2nd in UTC only until 16:00.
    expect((await doTheDay('2026-12-02T23:30:00+08:00')).body.streak).toBe(2);
    expect((await doTheDay('2026-12-03T00:10:00+08:00')).body.streak).toBe(3);
    at('2026-12-04T21:00:00+08:00');
    expect((await getDaily(person)).body.streak).toBe(3);
    at('2026-12-05T07:00:00+08:00');
    expect((await getDaily(person)).body.streak).toBe(0);
    expect((await doTheDay('2026-12-05T07:05:00+08:00')).body.streak).toBe(1);
  });
});

describe('the wrong-answer book', () => {
  test('wrong daily answers go in, and a question answered right in the daily quiz leaves it', async () => {
    at('2026-11-26T10:00:00+08:00');
    const person = await signInGuest(testApp);
    const ids = (await getDaily(person)).body.questions.map((q: { id: string }) => q.id);
    const questions = await storedQuestions(ids);
    // Missed in practice earlier today: the first of today's questions is already in the book.
    const practised = await call({
      method: 'POST',
      url: '/quiz/practice/answers',
      token: person.token,
      body: { questionId: ids[0], chosen: wrongChoice(questions[0]) },
    });
    expect(practised.body.correct).toBe(false);
    expect(await wrongBookIds(person)).toEqual([ids[0]]);

    // Right on the first two, wrong on the last three.
    expect((await submitDaily(person, await answersFor(ids, 2))).status).toBe(200);
    expect(await wrongBookIds(person)).toEqual([...ids.slice(2)].sort());
    const book = await call({ url: '/quiz/wrong-book', token: person.token });
    const inBook = book.body.groups.flatMap((g: { questions: { question: { id: string } }[] }) => g.questions.map((q) => q.question.id));
    expect(inBook.sort()).toEqual([...ids.slice(2)].sort());
  });
});

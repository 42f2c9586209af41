import { loadQuestions, type StoredQuestion } from '../../src/server/features/quiz/question-bank';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// 专项练习 and the 错题本 through the real server: scopes by law, book and chapter, one question at a
// time with the answer, explanation and articles after each, and the book of questions answered wrongly.

const clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let staff: string;
let civilCode: StoredQuestion[];
let constitution: StoredQuestion[];

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  staff = await signInStaff(testApp, { username: 'practice.desk', displayName: '练习管理员' }, clock);
  civilCode = await loadQuestions(testApp.database.handle.db, { law: 'civil-code' });
  constitution = await loadQuestions(testApp.database.handle.db, { law: 'constitution' });
});

afterAll(() => testApp.close());

const next = (person: SignedInPerson, query: string) => call({ url: `/quiz/practice/next?${query}`, token: person.token });
const answer = (person: SignedInPerson, questionId: string, chosen: number[]) =>
  call({ method: 'POST', url: '/quiz/practice/answers', token: person.token, body: { questionId, chosen } });
const wrongChoice = (question: StoredQuestion) => [question.options.findIndex((_, i) => !question.answer.includes(i))];
const retire = (id: string, retired: boolean) =>
  call({ method: 'POST', url: `/staff/quiz/questions/${id}/retired`, token: staff, body: { retired } });

interface ScopeChapter {
  index: number;
  title: string;
  questionCount: number;
}
interface ScopeBook {
  title: string | null;
  questionCount: number;
  chapters: ScopeChapter[];
}

describe('scopes', () => {
  test('each law by book and chapter with the count of active questions, chapters numbered as the law API numbers them', async () => {
    const person = await signInGuest(testApp);
    const scopes = await call({ url: '/quiz/scopes', token: person.token });
    expect(scopes.status).toBe(200);
    const [civil, con] = scopes.body.laws;
    expect(civil).toMatchObject({ law: 'civil-code', title: '中华人民共和国民法典' });
    expect(civil.books.map((b: ScopeBook) => b.title).slice(0, 7)).toEqual([
      '第一编 总则',
      '第二编 物权',
      '第三编 合同',
      '第四编 人格权',
      '第五编 婚姻家庭',
      '第六编 继承',
      '第七编 侵权责任',
    ]);
    const sum = (books: ScopeBook[]) => books.reduce((total, b) => total + b.questionCount, 0);
    expect(sum(civil.books)).toBe(civilCode.length);
    for (const book of civil.books as ScopeBook[]) {
      expect(book.chapters.reduce((total, c) => total + c.questionCount, 0)).toBe(book.questionCount);
      expect(book.questionCount).toBe(civilCode.filter((q) => q.book === book.title).length);
    }
    const contents = (await call({ url: '/law/civil-code' })).body;
    const lawChapters = new Map(
      contents.books.flatMap((b: { chapters: { index: number; title: string }[] }) => b.chapters.map((c) => [c.index, c.title])),
    );
    for (const chapter of civil.books.flatMap((b: ScopeBook) => b.chapters)) expect(lawChapters.get(chapter.index)).toBe(chapter.title);

    expect(con.law).toBe('constitution');
    expect(con.books).toHaveLength(1);
    expect(con.books[0]).toMatchObject({ title: null, questionCount: constitution.length });
    expect(con.books[0].chapters.map((c: ScopeChapter) => c.title)).toContain('第二章 公民的基本权利和义务');
    expect(scopes.body.wrongCount).toBe(0);
  });

  test('a retired question leaves the counts and the draws, and comes back when restored', async () => {
    const person = await signInGuest(testApp);
    const question = constitution[0];
    const countOf = async () => (await call({ url: '/quiz/scopes', token: person.token })).body.laws[1].books[0].questionCount;
    expect(await countOf()).toBe(constitution.length);
    await retire(question.id, true);
    expect(await countOf()).toBe(constitution.length - 1);
    const everyOther = constitution.filter((q) => q.id !== question.id).map((q) => q.id);
    const drawn = await next(person, `law=constitution&seen=${everyOther.join(',')}`);
    expect(drawn.body).toMatchObject({ question: null, total: constitution.length - 1, remaining: 0 });
    await retire(question.id, false);
    expect(await countOf()).toBe(constitution.length);
    expect((await next(person, `law=constitution&seen=${everyOther.join(',')}`)).body.question.id).toBe(question.id);
  });
});

describe('the next question', () => {
  test('comes from the chosen chapter, never one already seen in this sitting, until none is left', async () => {
    const person = await signInGuest(testApp);
    const scopes = (await call({ url: '/quiz/scopes', token: person.token })).body;
    const book: ScopeBook = scopes.laws[0].books[4];
    const chapter = book.chapters[0];
    const inChapter = civilCode.filter((q) => q.book === book.title && q.chapter === chapter.title);
    expect(inChapter).toHaveLength(chapter.questionCount);

    const seen: string[] = [];
    for (let i = 0; i < inChapter.length; i += 1) {
      const drawn = await next(person, `law=civil-code&chapter=${chapter.index}&seen=${seen.join(',')}`);
      expect(drawn.status).toBe(200);
      expect(drawn.body.total).toBe(inChapter.length);
      expect(drawn.body.remaining).toBe(inChapter.length - i - 1);
      expect(seen).not.toContain(drawn.body.question.id);
      expect(drawn.body.question).toMatchObject({ law: 'civil-code', book: book.title, chapter: chapter.title });
      expect(drawn.body.question).not.toHaveProperty('answer');
      seen.push(drawn.body.question.id);
    }
    expect(seen.sort()).toEqual(inChapter.map((q) => q.id).sort());
    const done = await next(person, `law=civil-code&chapter=${chapter.index}&seen=${seen.join(',')}`);
    expect(done.body).toEqual({ question: null, total: inChapter.length, remaining: 0 });
  });

  test('a book scope draws from that book only', async () => {
    const person = await signInGuest(testApp);
    const book = '第六编 继承';
    const inBook = civilCode.filter((q) => q.book === book);
    const drawn = await next(person, `law=civil-code&book=${encodeURIComponent(book)}`);
    expect(drawn.body.total).toBe(inBook.length);
    expect(inBook.map((q) => q.id)).toContain(drawn.body.question.id);
  });

  test.each([
    ['a book the law does not have', `law=civil-code&book=${encodeURIComponent('第九编 海商')}`, 404, '中华人民共和国民法典没有“第九编 海商”这一编，请从目录重新选择'],
    ['a chapter number past the end', 'law=civil-code&chapter=999', 404, '中华人民共和国民法典没有序号为 999 的章，请从目录重新选择'],
    ['a chapter outside the chosen book', `law=civil-code&chapter=1&book=${encodeURIComponent('第六编 继承')}`, 400, '所选的章不在“第六编 继承”中，请从目录重新选择'],
    ['a book in the Constitution, which has none', `law=constitution&book=${encodeURIComponent('第一编 总则')}`, 404, '中华人民共和国宪法没有“第一编 总则”这一编，请从目录重新选择'],
    ['a law that is not offered', 'law=criminal-law', 400, '法律只能是 civil-code（民法典）或 constitution（宪法）'],
    ['a chapter that is not a number', 'law=civil-code&chapter=abc', 400, '章的序号应为数字'],
  ])('%s is refused with words that say so', async (_, query, status, message) => {
    const person = await signInGuest(testApp);
    const refused = await next(person, query);
    expect(refused.status).toBe(status);
    expect(refused.body.message).toBe(message);
  });
});

describe('answering and the wrong-answer book', () => {
  test('an answer gets the right answer, the explanation and the full text of each cited article', async () => {
    const person = await signInGuest(testApp);
    const question = civilCode.find((q) => q.articles.length >= 2)!;
    const reviewed = await answer(person, question.id, question.answer);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ correct: true, chosen: question.answer, answer: question.answer, explanation: question.explanation });
    expect(reviewed.body.articles.map((a: { no: number }) => a.no)).toEqual(question.articles);
    const article = (await call({ url: `/law/civil-code/articles/${question.articles[0]}` })).body;
    expect(reviewed.body.articles[0]).toEqual({ law: 'civil-code', no: article.no, label: article.label, text: article.text });
  });

  test('a partial multiple choice is wrong', async () => {
    const person = await signInGuest(testApp);
    const question = civilCode.find((q) => q.type === 'multiple')!;
    const reviewed = await answer(person, question.id, question.answer.slice(1));
    expect(reviewed.body.correct).toBe(false);
  });

  test('wrong answers fill the book, grouped by law and book; wrongOnly practises them; a right answer takes one out', async () => {
    const person = await signInGuest(testApp);
    const fromGeneral = civilCode.find((q) => q.book === '第一编 总则')!;
    const fromContracts = civilCode.filter((q) => q.book === '第三编 合同').slice(0, 2);
    const fromConstitution = constitution[1];
    for (const question of [fromGeneral, ...fromContracts, fromConstitution]) {
      expect((await answer(person, question.id, wrongChoice(question))).body.correct).toBe(false);
    }
    // Missed twice: counted, not listed twice.
    await answer(person, fromGeneral.id, wrongChoice(fromGeneral));

    const book = (await call({ url: '/quiz/wrong-book', token: person.token })).body;
    expect(book.groups.map((g: { law: string; book: string | null }) => [g.law, g.book])).toEqual([
      ['civil-code', '第一编 总则'],
      ['civil-code', '第三编 合同'],
      ['constitution', null],
    ]);
    expect(book.groups[0].questions).toEqual([
      expect.objectContaining({ question: expect.objectContaining({ id: fromGeneral.id }), wrongCount: 2, lastWrongAt: clock.toISOString() }),
    ]);
    expect(book.groups[1].questions.map((q: { question: { id: string } }) => q.question.id).sort()).toEqual(fromContracts.map((q) => q.id).sort());
    expect(JSON.stringify(book)).not.toContain(fromGeneral.explanation);
    expect((await call({ url: '/quiz/scopes', token: person.token })).body.wrongCount).toBe(4);

    const onlyWrong = await next(person, `law=civil-code&book=${encodeURIComponent('第三编 合同')}&wrongOnly=1`);
    expect(onlyWrong.body.total).toBe(2);
    expect(fromContracts.map((q) => q.id)).toContain(onlyWrong.body.question.id);

    const [first, second] = fromContracts;
    expect((await answer(person, first.id, first.answer)).body.correct).toBe(true);
    const after = await next(person, `law=civil-code&book=${encodeURIComponent('第三编 合同')}&wrongOnly=1`);
    expect(after.body).toMatchObject({ total: 1, remaining: 0, question: { id: second.id } });
    expect((await call({ url: '/quiz/scopes', token: person.token })).body.wrongCount).toBe(3);
  });

  test('an option the question does not have is refused and nothing is recorded; a retired question cannot be answered', async () => {
    const person = await signInGuest(testApp);
    const question = civilCode.find((q) => q.type === 'true_false')!;
    const refused = await answer(person, question.id, [2]);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('第 1 题没有编号为 2 的选项（应为 0–1）');
    const unknown = await answer(person, 'cc-no-such-question', [0]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('找不到这道题，它可能已经停用');

    await retire(question.id, true);
    expect((await answer(person, question.id, question.answer)).status).toBe(404);
    await retire(question.id, false);
    const wrongBook = await testApp.database.handle.db.selectFrom('quizWrongAnswer').selectAll().where('userId', '=', person.userId).execute();
    expect(wrongBook).toEqual([]);
  });

  test('a question retired after it was missed leaves the book', async () => {
    const person = await signInGuest(testApp);
    const question = civilCode[10];
    await answer(person, question.id, wrongChoice(question));
    expect((await call({ url: '/quiz/wrong-book', token: person.token })).body.groups).toHaveLength(1);
    await retire(question.id, true);
    expect((await call({ url: '/quiz/wrong-book', token: person.token })).body.groups).toEqual([]);
    await retire(question.id, false);
  });
});

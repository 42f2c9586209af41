import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Question } from '../../src/core/quiz/question';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { findQuestion, loadQuestions, type StoredQuestion } from '../../src/server/features/quiz/question-bank';
import { BANK_DIR, seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { townFile } from '../support/test-database';

// The office's question bank through the real server: seeded from data/questions, searched, edited
// (checked against the law's text), retired and restored, and residents' 纠错 queued and resolved.

let clock = new Date('2026-11-26T10:00:00+08:00');
const lawTexts = loadLawTexts();
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let staff: string;
let resident: SignedInPerson;
const db = () => testApp.database.handle.db;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  staff = await signInStaff(testApp, { username: 'bank.keeper', displayName: '周科员' }, clock);
  resident = await signInGuest(testApp);
});

afterAll(() => testApp.close());

/** The one method the shared caller does not send. */
async function put(url: string, token: string, body: unknown) {
  const response = await testApp.app.inject({ method: 'PUT', url: `/api${url}`, headers: { authorization: `Bearer ${token}` }, payload: body as object });
  return { status: response.statusCode, body: response.json() };
}

/** The question as a bank file holds it, for an edit. */
function bankFields(question: StoredQuestion): Question {
  const { id, type, stem, options, answer, explanation, articles, difficulty, tags } = question;
  return { id, type, stem, options, answer, explanation, articles, difficulty, tags };
}

const list = (query: string) => call({ url: `/staff/quiz/questions?${query}`, token: staff });
const report = (id: string, reason: string, person = resident) =>
  call({ method: 'POST', url: `/quiz/questions/${id}/reports`, token: person.token, body: { reason } });

describe('the seeded bank', () => {
  test('every question of data/questions is stored with its law, book and chapter, as the office’s list shows', async () => {
    const all = await list('');
    expect(all.status).toBe(200);
    const civil = await loadQuestions(db(), { law: 'civil-code' });
    const con = await loadQuestions(db(), { law: 'constitution' });
    expect(all.body.total).toBe(civil.length + con.length);
    expect(civil.length).toBeGreaterThanOrEqual(400);
    expect(all.body.pageSize).toBe(20);
    expect(all.body.questions).toHaveLength(20);
    const first = await findQuestion(db(), 'cc-gp-001');
    expect(first).toMatchObject({ law: 'civil-code', book: '第一编 总则', chapter: '第一章 基本规定', source: 'bank', retired: false });
    expect(all.body.questions[0]).toMatchObject({ law: 'civil-code', source: 'bank', retired: false, openReports: 0 });
    expect(all.body.questions[0].answer).toBeDefined();
  });

  test('search by words of the stem or the start of an id, filter by law and by retired, and page', async () => {
    const byId = await list('q=con-');
    expect(byId.body.total).toBe((await loadQuestions(db(), { law: 'constitution' })).length);
    expect(byId.body.questions.every((q: { id: string }) => q.id.startsWith('con-'))).toBe(true);

    const byWords = await list(`q=${encodeURIComponent('邻居')}`);
    const everyQuestion = [...(await loadQuestions(db(), { law: 'civil-code' })), ...(await loadQuestions(db(), { law: 'constitution' }))];
    const withWords = everyQuestion.filter((q) => q.stem.includes('邻居'));
    expect(withWords.length).toBeGreaterThan(20);
    expect(byWords.body.total).toBe(withWords.length);
    expect(byWords.body.questions.map((q: { id: string }) => q.id)).toEqual(withWords.slice(0, 20).map((q) => q.id));

    // What a person types is text: % is not a wildcard.
    expect((await list(`q=${encodeURIComponent('%')}`)).body.total).toBe(0);

    const constitution = await list('law=constitution&page=2');
    expect(constitution.body.page).toBe(2);
    expect(constitution.body.questions.every((q: { law: string }) => q.law === 'constitution')).toBe(true);
    const firstPage = await list('law=constitution&page=1');
    expect(constitution.body.questions[0].id > firstPage.body.questions[19].id).toBe(true);

    const [toRetire] = firstPage.body.questions;
    await call({ method: 'POST', url: `/staff/quiz/questions/${toRetire.id}/retired`, token: staff, body: { retired: true } });
    const retired = await list('retired=1');
    expect(retired.body.questions.map((q: { id: string }) => q.id)).toEqual([toRetire.id]);
    expect((await list('retired=0&law=constitution')).body.total).toBe(firstPage.body.total - 1);
    const restored = await call({ method: 'POST', url: `/staff/quiz/questions/${toRetire.id}/retired`, token: staff, body: { retired: false } });
    expect(restored.body).toMatchObject({ id: toRetire.id, retired: false });
    expect((await list('retired=1')).body.total).toBe(0);

    expect((await list('page=0')).status).toBe(400);
    expect((await list('retired=yes')).body.message).toBe('retired 应为 0 或 1');
  });

  test('retiring a question that does not exist is a 404', async () => {
    const missing = await call({ method: 'POST', url: '/staff/quiz/questions/cc-nope/retired', token: staff, body: { retired: true } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('题库中没有这道题');
  });
});

describe('editing a question', () => {
  test('is checked against the law’s text: each problem is listed, and nothing changes', async () => {
    const question = (await findQuestion(db(), 'cc-gp-002'))!;
    const broken = { ...bankFields(question), articles: [9999], explanation: '这是一段没有写明法条的解析文字，用来检验编辑时的检查。' };
    const refused = await put(`/staff/quiz/questions/${question.id}`, staff, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('这道题还不能保存：引用的第 9999 条不存在；解析没有写明所引的法条（如“第N条”）');
    expect(await findQuestion(db(), question.id)).toEqual(question);

    const badShape = await put(`/staff/quiz/questions/${question.id}`, staff, { ...bankFields(question), answer: [5] });
    expect(badShape.status).toBe(400);
    expect(badShape.body.message).toBe('答案指向了不存在的选项');

    const renamed = await put(`/staff/quiz/questions/${question.id}`, staff, { ...bankFields(question), id: 'cc-gp-999' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toBe('题目编号不能修改');

    const other = (await findQuestion(db(), 'cc-gp-001'))!;
    const copy = await put(`/staff/quiz/questions/${question.id}`, staff, { ...bankFields(question), stem: `${other.stem} ` });
    expect(copy.status).toBe(400);
    expect(copy.body.message).toBe('这道题还不能保存：题干与题库中的 cc-gp-001 相同');

    expect(await findQuestion(db(), question.id)).toEqual(question);
    expect((await put('/staff/quiz/questions/cc-nope', staff, { ...bankFields(question), id: 'cc-nope' })).status).toBe(404);
  });

  test('a valid edit is saved as the office’s own, and its place follows the first cited article', async () => {
    clock = new Date('2026-11-26T11:00:00+08:00');
    const question = (await findQuestion(db(), 'cc-gp-002'))!;
    const edited = {
      ...bankFields(question),
      stem: '村里处理邻里之间的民事纠纷时，法律没有规定的，可以适用当地习惯，但习惯不得违背公序良俗。',
      // Now resting first on 第一千零四十三条 (婚姻家庭编), then on 第十条.
      articles: [1043, 10],
      explanation: '根据第十条，处理民事纠纷应当依照法律；法律没有规定的，可以适用习惯，但是不得违背公序良俗。第一千零四十三条也提倡家庭和睦。',
    };
    const saved = await put(`/staff/quiz/questions/${question.id}`, staff, edited);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...edited, law: 'civil-code', book: '第五编 婚姻家庭', source: 'edited', retired: false });
    expect(await findQuestion(db(), question.id)).toMatchObject({ stem: edited.stem, source: 'edited', updatedAt: clock.toISOString() });
  });
});

describe('纠错', () => {
  test('a resident reports a question with a reason; too short, unknown or retired questions are refused', async () => {
    const short = await report('cc-gp-003', '错了');
    expect(short.status).toBe(400);
    expect(short.body.message).toBe('请至少用 5 个字写明哪里有错');
    const unknown = await report('cc-no-such', '这道题的答案好像不对');
    expect(unknown.status).toBe(404);
    const badId = await report('NOT AN ID', '这道题的答案好像不对');
    expect(badId.status).toBe(400);

    await call({ method: 'POST', url: '/staff/quiz/questions/cc-gp-004/retired', token: staff, body: { retired: true } });
    expect((await report('cc-gp-004', '这道题的答案好像不对')).status).toBe(404);
    await call({ method: 'POST', url: '/staff/quiz/questions/cc-gp-004/retired', token: staff, body: { retired: false } });
    expect(await db().selectFrom('questionReport').selectAll().execute()).toEqual([]);

    expect((await report('cc-gp-003', '  第二个选项也说得通，答案不唯一  ')).status).toBe(200);
    // The same report again (a retry on a bad network) files nothing new.
    expect((await report('cc-gp-003', '第二个选项也说得通，答案不唯一')).status).toBe(200);
    const stored = await db().selectFrom('questionReport').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ questionId: 'cc-gp-003', reason: '第二个选项也说得通，答案不唯一', status: 'open' });
  });

  test('the office’s queue: the question with its open reports, never who reported; resolved with who and when', async () => {
    const neighbour = await signInGuest(testApp);
    clock = new Date('2026-11-26T12:00:00+08:00');
    await report('cc-gp-005', '解析里引用的法条和题目说的不是一回事', neighbour);
    clock = new Date('2026-11-26T12:05:00+08:00');
    await report('cc-gp-006', '判断题的说法与原文有出入，请核对', neighbour);
    clock = new Date('2026-11-26T12:10:00+08:00');
    await report('cc-gp-006', '这道题的表述容易引起误解', resident);

    const queue = await call({ url: '/staff/quiz/reports', token: staff });
    expect(queue.status).toBe(200);
    expect(queue.body.reports.map((r: { question: { id: string } }) => r.question.id)).toEqual(['cc-gp-003', 'cc-gp-005', 'cc-gp-006', 'cc-gp-006']);
    expect(queue.body.reports[2]).toMatchObject({
      reason: '判断题的说法与原文有出入，请核对',
      status: 'open',
      resolvedAt: null,
      resolvedBy: null,
      question: { id: 'cc-gp-006', openReports: 2, answer: expect.any(Array) },
    });
    const raw = JSON.stringify(queue.body);
    expect(raw).not.toContain(resident.userId);
    expect(raw).not.toContain(neighbour.userId);
    expect((await list('q=cc-gp-006')).body.questions[0].openReports).toBe(2);

    const [forGp3, forGp5, forGp6] = queue.body.reports;
    clock = new Date('2026-11-26T15:00:00+08:00');
    const fixed = await call({ method: 'POST', url: `/staff/quiz/reports/${forGp3.id}/resolution`, token: staff, body: { resolution: 'fixed', note: '已修改选项' } });
    expect(fixed.status).toBe(200);
    const dismissed = await call({ method: 'POST', url: `/staff/quiz/reports/${forGp5.id}/resolution`, token: staff, body: { resolution: 'dismissed' } });
    expect(dismissed.status).toBe(200);
    const retired = await call({ method: 'POST', url: `/staff/quiz/reports/${forGp6.id}/resolution`, token: staff, body: { resolution: 'retired', note: '停用' } });
    expect(retired.status).toBe(200);

    expect((await findQuestion(db(), 'cc-gp-006'))?.retired).toBe(true);
    expect((await findQuestion(db(), 'cc-gp-005'))?.retired).toBe(false);
    expect((await call({ url: '/staff/quiz/reports', token: staff })).body.reports).toEqual([]);
    const done = (await call({ url: '/staff/quiz/reports?status=fixed', token: staff })).body.reports;
    expect(done).toEqual([
      expect.objectContaining({ status: 'fixed', resolvedBy: '周科员', resolvedAt: clock.toISOString(), note: '已修改选项' }),
    ]);
    // The other open report of the retired question is settled with it.
    const retiredReports = (await call({ url: '/staff/quiz/reports?status=retired', token: staff })).body.reports;
    expect(retiredReports).toHaveLength(2);
    expect(retiredReports.every((r: { resolvedBy: string }) => r.resolvedBy === '周科员')).toBe(true);

    const twice = await call({ method: 'POST', url: `/staff/quiz/reports/${forGp5.id}/resolution`, token: staff, body: { resolution: 'fixed' } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('这条纠错已经处理过了');
    const missing = await call({
      method: 'POST',
      url: '/staff/quiz/reports/00000000-0000-4000-8000-000000000000/resolution',
      token: staff,
      body: { resolution: 'fixed' },
    });
    expect(missing.status).toBe(404);
    expect((await call({ url: '/staff/quiz/reports?status=closed', token: staff })).status).toBe(400);
    await call({ method: 'POST', url: '/staff/quiz/questions/cc-gp-006/retired', token: staff, body: { retired: false } });
  });

  test('residents cannot see the office’s bank or queue', async () => {
    expect((await call({ url: '/staff/quiz/questions', token: resident.token })).status).toBe(403);
    expect((await call({ url: '/staff/quiz/reports', token: resident.token })).status).toBe(403);
  });
});

describe('seeding from data/questions on every start', () => {
  /** A copy of the bank to change, as a maintainer would change the files. */
  function bankCopy(): { dir: string; change: (file: string, id: string, fields: Partial<Question>) => void; add: (file: string, q: Question) => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-bank-'));
    fs.cpSync(BANK_DIR, dir, { recursive: true });
    const edit = (file: string, apply: (questions: Question[]) => void) => {
      const full = path.join(dir, file);
      const content = JSON.parse(fs.readFileSync(full, 'utf8'));
      apply(content.questions);
      fs.writeFileSync(full, JSON.stringify(content));
    };
    return {
      dir,
      change: (file, id, fields) => edit(file, (questions) => Object.assign(questions.find((q) => q.id === id)!, fields)),
      add: (file, q) => edit(file, (questions) => questions.push(q)),
    };
  }

  test('a changed file updates its unedited questions, adds new ones, and leaves the office’s edits alone', async () => {
    const bank = bankCopy();
    try {
      const officeEdited = (await findQuestion(db(), 'cc-gp-002'))!;
      expect(officeEdited.source).toBe('edited');
      const untouched = (await findQuestion(db(), 'cc-gp-007'))!;
      bank.change('civil-code/general-provisions.json', 'cc-gp-001', { stem: `${(await findQuestion(db(), 'cc-gp-001'))!.stem}（修订）`, difficulty: 3 });
      bank.change('civil-code/general-provisions.json', 'cc-gp-002', { stem: '维护者在文件里改了这道题的题干，办公室的修改应当保留。' });
      const newQuestion: Question = {
        id: 'cc-gp-new-1',
        type: 'true_false',
        stem: '八周岁以上的未成年人是限制民事行为能力人。（新增）',
        options: ['正确', '错误'],
        answer: [0],
        explanation: '根据第十九条，八周岁以上的未成年人为限制民事行为能力人。这道题说得对。',
        articles: [19],
        difficulty: 1,
        tags: [],
      };
      bank.add('civil-code/general-provisions.json', newQuestion);

      clock = new Date('2026-12-01T09:00:00+08:00');
      expect(await seedQuestionBank(db(), lawTexts, clock, bank.dir)).toEqual({ added: 1, updated: 1 });
      expect(await findQuestion(db(), 'cc-gp-001')).toMatchObject({ stem: expect.stringMatching(/（修订）$/), difficulty: 3, source: 'bank', updatedAt: clock.toISOString() });
      expect(await findQuestion(db(), 'cc-gp-002')).toEqual(officeEdited);
      expect(await findQuestion(db(), 'cc-gp-007')).toEqual(untouched);
      expect(await findQuestion(db(), 'cc-gp-new-1')).toMatchObject({ ...newQuestion, source: 'bank', book: '第一编 总则', retired: false });

      // Started again with the same files: nothing to do.
      expect(await seedQuestionBank(db(), lawTexts, clock, bank.dir)).toEqual({ added: 0, updated: 0 });
    } finally {
      fs.rmSync(bank.dir, { recursive: true, force: true });
    }
  });

  test('a bad file stops the start with the file, the question and the problem, and stores nothing', async () => {
    const bank = bankCopy();
    try {
      bank.change('constitution/rights-and-duties.json', 'con-rd-001', { articles: [999] });
      bank.change('civil-code/real-rights.json', 'cc-rr-001', { stem: '太短' });
      const before = await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute();
      const seeding = seedQuestionBank(db(), lawTexts, clock, bank.dir);
      await expect(seeding).rejects.toThrow(/civil-code\/real-rights\.json 第 1 题（cc-rr-001）：题干至少 8 个字/);
      await expect(seeding).rejects.toThrow(/constitution\/rights-and-duties\.json 第 1 题（con-rd-001）：引用的第 999 条不存在/);
      expect(await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute()).toEqual(before);
    } finally {
      fs.rmSync(bank.dir, { recursive: true, force: true });
    }
  });

  test('populations of communities and grids follow the town configuration on every start (for participation rates)', async () => {
    const town = loadTownConfig(townFile);
    const [community] = town.communities;
    const [grid] = town.grids;
    const populationsOf = async () => ({
      community: (await db().selectFrom('community').select('population').where('id', '=', community.id).executeTakeFirstOrThrow()).population,
      grid: (await db().selectFrom('grid').select('population').where('id', '=', grid.id).executeTakeFirstOrThrow()).population,
    });
    await seedTownIfEmpty(db(), {
      ...town,
      communities: [{ ...community, population: 3200 }, ...town.communities.slice(1)],
      grids: [{ ...grid, population: 410 }, ...town.grids.slice(1)],
    });
    expect(await populationsOf()).toEqual({ community: 3200, grid: 410 });
    // A figure taken out of the configuration is no longer known.
    await seedTownIfEmpty(db(), { ...town, communities: [{ ...community, population: undefined }, ...town.communities.slice(1)] });
    expect(await populationsOf()).toEqual({ community: null, grid: grid.population ?? null });
  });
});

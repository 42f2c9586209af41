import ExcelJS from 'exceljs';
import type { Question } from '../../src/core/quiz/question';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { findQuestion } from '../../src/server/features/quiz/question-bank';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { apiCaller, signInGuest, signInStaff } from '../support/sign-in';
import { uploadQuestionFile } from '../support/question-upload';
import { createTestApp, type TestApp } from '../support/test-app';

// Importing a bank file (JSON as data/questions holds them, or an .xlsx in the README's column layout):
// stored only when every question holds; otherwise refused whole, with the row and reason of each problem.

const clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let staff: string;
const db = () => testApp.database.handle.db;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  staff = await signInStaff(testApp, { username: 'import.desk', displayName: '吴科员' }, clock);
});

afterAll(() => testApp.close());

const upload = (fileName: string, bytes: Buffer, token = staff, field = 'file') =>
  uploadQuestionFile(testApp, token, fileName, bytes, field);

const questionCount = async () => Number((await db().selectFrom('quizQuestion').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const adulthood: Question = {
  id: 'cc-import-adult',
  type: 'single',
  stem: '导入测试：按照民法典，多少周岁以上的自然人是成年人？',
  options: ['十六周岁', '十八周岁', '二十周岁'],
  answer: [1],
  explanation: '根据第十七条，十八周岁以上的自然人为成年人，不满十八周岁的为未成年人。十六周岁、二十周岁都不对。',
  articles: [17],
  difficulty: 1,
  tags: ['导入'],
};

const relatives: Question = {
  id: 'cc-import-relatives',
  type: 'multiple',
  stem: '导入测试：按照民法典，亲属包括下列哪些？',
  options: ['配偶', '血亲', '姻亲', '同事'],
  answer: [0, 1, 2],
  explanation: '根据第一千零四十五条，亲属包括配偶、血亲和姻亲。同事不是亲属。',
  articles: [1045],
  difficulty: 2,
  tags: ['导入', '婚姻家庭'],
};

const effective: Question = {
  id: 'cc-import-effective',
  type: 'true_false',
  stem: '导入测试：民法典自2021年1月1日起施行，婚姻法、合同法等同时废止。',
  options: ['正确', '错误'],
  answer: [0],
  explanation: '根据第一千二百六十条，本法自2021年1月1日起施行，婚姻法、合同法等法律同时废止。所以这个说法正确。',
  articles: [1260],
  difficulty: 1,
  tags: [],
};

const HEADER = ['id', 'law', 'type', 'stem', 'option A', 'option B', 'option C', 'option D', 'option E', 'option F', 'answer', 'explanation', 'articles', 'difficulty', 'tags'];

/** An .xlsx built as the office would fill it: a header row, then one question a row. */
async function workbook(rows: (string | number)[][], header: string[] = HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('题目');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  // A second sheet is not read.
  book.addWorksheet('说明').addRow(['这一页不会被导入']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const options6 = (options: string[]) => [...options, ...Array(6 - options.length).fill('')];

describe('a JSON bank file', () => {
  test('adds new questions and replaces the ones it names, as the office’s own that the bank files never overwrite', async () => {
    const existing = (await findQuestion(db(), 'cc-gp-008'))!;
    const replacement: Question = { ...existing, id: existing.id, stem: `${existing.stem}（办公室导入的新版本）`, tags: ['导入'] };
    const file = { law: 'civil-code', questions: [adulthood, relatives, replacement] };
    const before = await questionCount();
    const imported = await upload('bank.json', Buffer.from(JSON.stringify(file)));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ law: 'civil-code', added: 2, updated: 1 });
    expect(await questionCount()).toBe(before + 2);
    expect(await findQuestion(db(), adulthood.id)).toMatchObject({ ...adulthood, law: 'civil-code', book: '第一编 总则', source: 'imported', retired: false });
    expect(await findQuestion(db(), relatives.id)).toMatchObject({ book: '第五编 婚姻家庭', source: 'imported' });
    expect(await findQuestion(db(), existing.id)).toMatchObject({ stem: replacement.stem, source: 'imported' });

    // The next start seeds data/questions again: the imported version stays.
    await seedQuestionBank(db(), loadLawTexts(), clock);
    expect(await findQuestion(db(), existing.id)).toMatchObject({ stem: replacement.stem, source: 'imported' });
  });

  test('with problems in several questions is refused whole, each problem with its question’s place, and nothing is stored', async () => {
    const before = await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute();
    const file = {
      law: 'civil-code',
      questions: [
        { ...adulthood, id: 'cc-import-j1', stem: '导入测试：第一道没有问题的题目，成年人的年龄是多少？' },
        { ...relatives, id: 'cc-import-j2', answer: [7] },
        { ...effective, id: 'cc-import-j3', articles: [1261] },
        { ...adulthood, id: 'cc-import-j1', stem: '导入测试：和第一题编号相同的另一道题目，成年人的年龄？' },
      ],
    };
    const refused = await upload('bank.json', Buffer.from(JSON.stringify(file)));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_REFUSED');
    expect(refused.body.message).toBe('文件有 5 处问题，没有导入任何题目，请逐条修改后重新导入');
    expect(refused.body.problems).toEqual([
      { row: 2, message: '答案指向了不存在的选项' },
      { row: 3, message: '引用的第 1261 条不存在' },
      { row: 3, message: '解析没有写明所引的法条（如“第N条”）' },
      { row: 3, message: '解析提到的第一千二百六十条不在所引法条中' },
      { row: 4, message: '编号 cc-import-j1 与第 1 题重复' },
    ]);
    expect(await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute()).toEqual(before);
  });

  test('an id of the other law, or a stem already in the bank, is refused', async () => {
    const otherLaw = await upload('bank.json', Buffer.from(JSON.stringify({ law: 'civil-code', questions: [{ ...effective, id: 'con-rd-001' }] })));
    expect(otherLaw.status).toBe(422);
    expect(otherLaw.body.problems).toEqual([{ row: 1, message: '编号 con-rd-001 已被另一部法律的题使用' }]);

    const copied = (await findQuestion(db(), 'cc-gp-009'))!;
    const sameStem = await upload('bank.json', Buffer.from(JSON.stringify({ law: 'civil-code', questions: [{ ...adulthood, id: 'cc-import-copy', stem: copied.stem }] })));
    expect(sameStem.status).toBe(422);
    expect(sameStem.body.problems).toEqual([{ row: 1, message: '题干与题库中的 cc-gp-009 相同' }]);
    expect(await findQuestion(db(), 'cc-import-copy')).toBeUndefined();
  });
});

describe('an .xlsx sheet', () => {
  test('in the documented layout: letters for answers, 正确/错误 for true/false, comma-separated articles, 、-separated tags', async () => {
    const bytes = await workbook([
      [effective.id, 'civil-code', 'true_false', effective.stem, ...options6([]), '正确', effective.explanation, '1260', 1, ''],
      [],
      ['cc-import-x-adult', '民法典', '单选', '导入测试：表格里的单选题，成年人从多少周岁起算？', ...options6(adulthood.options), 'b', adulthood.explanation, '17', 1, '导入、表格'],
      ['cc-import-x-relatives', 'civil-code', 'multiple', '导入测试：表格里的多选题，亲属包括哪些人？', ...options6(relatives.options), 'A,B,C', relatives.explanation, '1045，1043', 2, '导入'],
    ]);
    const before = await questionCount();
    const imported = await upload('题库.xlsx', bytes);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ law: 'civil-code', added: 3, updated: 0 });
    expect(await questionCount()).toBe(before + 3);
    expect(await findQuestion(db(), effective.id)).toMatchObject({ ...effective, source: 'imported', book: '附则', chapter: null });
    expect(await findQuestion(db(), 'cc-import-x-adult')).toMatchObject({
      type: 'single',
      options: adulthood.options,
      answer: [1],
      articles: [17],
      tags: ['导入', '表格'],
    });
    expect(await findQuestion(db(), 'cc-import-x-relatives')).toMatchObject({
      type: 'multiple',
      options: relatives.options,
      answer: [0, 1, 2],
      articles: [1045, 1043],
      difficulty: 2,
      book: '第五编 婚姻家庭',
    });
  });

  test('with several bad rows is refused whole: each problem names its sheet row, and nothing is stored', async () => {
    const bytes = await workbook([
      ['cc-import-b2', 'civil-code', 'single', '导入测试：答案写了不存在的选项字母的题目？', ...options6(adulthood.options), 'G', adulthood.explanation, '17', 1, ''],
      ['cc-import-b3', 'civil-code', 'single', '导入测试：引用了不存在的法条的题目是哪一道？', ...options6(adulthood.options), 'B', adulthood.explanation, '1300', 1, ''],
      ['cc-import-b4', 'civil-code', 'single', '太短', ...options6(adulthood.options), 'B', adulthood.explanation, '17', 5, ''],
      [],
      ['cc-import-b2', 'civil-code', 'single', '导入测试：与第二行编号相同的题目会被指出来吗？', ...options6(adulthood.options), 'B', adulthood.explanation, '17', 1, ''],
      ['cc-import-b7', 'constitution', 'true_false', '导入测试：一份文件里混进了宪法的题目。', ...options6([]), '正确', '根据第三十三条，公民在法律面前一律平等。所以说法正确。', '33', 1, ''],
      ['cc-import-b8', 'civil-code', 'single', '导入测试：选项中间空了一格的题目会怎样？', '十六周岁', '', '十八周岁', '', '', '', 'C', adulthood.explanation, '第17条', 1, ''],
      ['cc-import-b9', 'civil-code', 'essay', '导入测试：写了不认识的题型的题目会怎样？', ...options6(adulthood.options), 'B', adulthood.explanation, 'x', 1, ''],
    ]);
    const before = await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute();
    const refused = await upload('bad.xlsx', bytes);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { row: 2, message: '答案“G”应为选项字母（如 A 或 AC），判断题写“正确”或“错误”' },
      { row: 3, message: '引用的第 1300 条不存在' },
      { row: 3, message: '解析没有写明所引的法条（如“第N条”）' },
      { row: 3, message: '解析提到的第十七条不在所引法条中' },
      { row: 3, message: '正确选项中的“十八”在所引法条中找不到' },
      { row: 4, message: '题干至少 8 个字' },
      { row: 4, message: '难度应为 1、2 或 3' },
      { row: 6, message: '编号 cc-import-b2 与第 2 行重复' },
      { row: 7, message: '一份文件只能导入一部法律的题：这一行与第 2 行的法律不同' },
      { row: 8, message: '选项 B 是空的：选项应从 A 起连续填写' },
      { row: 9, message: '法条“x”应为条号数字，多条用逗号分隔（如 1079,1080）' },
      { row: 9, message: '题型应为 single（单选）、multiple（多选）或 true_false（判断）' },
    ]);
    expect(refused.body.message).toBe('文件有 12 处问题，没有导入任何题目，请逐条修改后重新导入');
    expect(await db().selectFrom('quizQuestion').selectAll().orderBy('id').execute()).toEqual(before);
  });

  test('a sheet without the required columns is refused at its header row', async () => {
    const bytes = await workbook([['cc-import-h', 'civil-code', '导入测试：缺了列的表格']], ['id', 'law', 'stem']);
    const refused = await upload('bad.xlsx', bytes);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { row: 1, message: '表头缺少这些列：type、answer、explanation、articles、difficulty（格式见 README 的“题库导入”）' },
    ]);
  });
});

describe('what is not a bank file', () => {
  test.each([
    ['a text file', 'notes.txt', Buffer.from('这不是题库'), 400, '只能导入 JSON 题库文件或 .xlsx 表格'],
    ['broken JSON', 'bank.json', Buffer.from('{"law": "civil-code", "questions": ['), 400, '文件不是有效的 JSON，请检查后重新选择'],
    ['a law that is not offered', 'bank.json', Buffer.from('{"law": "criminal-law", "questions": []}'), 400, 'JSON 文件的 law 应为 civil-code（民法典）或 constitution（宪法）'],
    ['an empty list', 'bank.json', Buffer.from('{"law": "civil-code", "questions": []}'), 400, '文件里没有题目'],
    ['a damaged .xlsx', 'bank.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('truncated')]), 400, '无法读取这个 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再试'],
  ])('%s is refused with words that say so', async (_, name, bytes, status, message) => {
    const before = await questionCount();
    const refused = await upload(name, bytes);
    expect(refused.status).toBe(status);
    expect(refused.body.message).toBe(message);
    expect(await questionCount()).toBe(before);
  });

  test('a file in another form field, or a body that is not a form, is refused', async () => {
    const wrongField = await upload('bank.json', Buffer.from('{}'), staff, 'photo');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toBe('题库文件应放在表单字段 file 中');
    const notAForm = await call({ method: 'POST', url: '/staff/quiz/imports', token: staff, body: { law: 'civil-code', questions: [] } });
    expect(notAForm.status).toBe(415);
    expect(notAForm.body.message).toBe('请以表单（multipart/form-data）上传题库文件，文件字段名为 file');
  });

  test('a resident cannot import', async () => {
    const resident = await signInGuest(testApp);
    expect((await upload('bank.json', Buffer.from(JSON.stringify({ law: 'civil-code', questions: [adulthood] })), resident.token)).status).toBe(403);
  });
});

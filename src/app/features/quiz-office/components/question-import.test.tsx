import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle } from '../../../../../test/support/office-app';
import { QuestionImport } from './question-import';

const server = useAppServer({ keepStorage: true });
const { db } = server;

beforeAll(async () => {
  Taro.setStorageSync('auth.staff', await server.signInStaff('quiz.desk', '王科员', new Date()));
});

// What the browser keeps behind each object URL the page makes for a chosen file (jsdom makes none).
const chosenFiles = new Map<string, { name: string; content: string }>();
const fileContents = new WeakMap<File, string>();

beforeEach(() => {
  let next = 0;
  Object.assign(URL, {
    createObjectURL: (file: File) => {
      const url = `blob:bank-${(next += 1)}`;
      chosenFiles.set(url, { name: file.name, content: fileContents.get(file)! });
      return url;
    },
    revokeObjectURL: (url: string) => chosenFiles.delete(url),
  });
  /**
   * Taro.uploadFile as the H5 build sends it: the file behind the object URL as one multipart field.
   * (jsdom's XMLHttpRequest would hold this cross-origin test server to CORS, which the H5 build,
   * served by the API's own origin, never meets.)
   */
  jest.spyOn(Taro, 'uploadFile').mockImplementation((async ({ url, filePath, name, fileName, header }: Taro.uploadFile.Option) => {
    const file = chosenFiles.get(filePath)!;
    const boundary = `----bank-${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/json\r\n\r\n`),
      Buffer.from(file.content, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await fetch(url, { method: 'POST', headers: { ...header, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    return { statusCode: response.status, data: await response.text(), errMsg: 'uploadFile:ok' };
  }) as unknown as typeof Taro.uploadFile);
});

afterEach(() => jest.restoreAllMocks());

/** A question the Civil Code's 第一千零七十九条 (divorce by litigation) bears out. */
const goodQuestion = {
  id: 'cc-office-001',
  type: 'single',
  stem: '夫妻一方要求离婚，向人民法院提起离婚诉讼，人民法院审理时应当首先做什么？',
  options: ['直接判决离婚', '进行调解', '要求双方先分居两年', '驳回起诉'],
  answer: [1],
  explanation: '根据第一千零七十九条，人民法院审理离婚案件，应当进行调解；如果感情确已破裂，调解无效的，应当准予离婚。',
  articles: [1079],
  difficulty: 1,
  tags: ['婚姻家庭'],
};

async function chooseFile(name: string, content: string) {
  const file = new File([content], name, { type: 'application/json' });
  fileContents.set(file, content);
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

const storedIds = async () => (await db().selectFrom('quizQuestion').select('id').execute()).map((row) => row.id);

test('a file with problems is refused whole, each problem named by its question, and nothing is stored', async () => {
  const before = await storedIds();
  render(<QuestionImport />);
  await settle();
  await chooseFile(
    'bank.json',
    JSON.stringify({
      law: 'civil-code',
      questions: [
        goodQuestion,
        { ...goodQuestion, id: 'cc-office-002', stem: '离婚诉讼中人民法院应当先行调解吗？请选择。', articles: [9999] },
        { ...goodQuestion, id: 'cc-office-003', stem: '人民法院审理离婚案件，调解无效时应当怎样处理？', answer: [6] },
      ],
    }),
  );

  const refusal = within(await screen.findByLabelText('导入失败'));
  expect(refusal.getByText('文件有 4 处问题，没有导入任何题目，请逐条修改后重新导入')).toBeTruthy();
  expect(refusal.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    '第 2 题：引用的第 9999 条不存在',
    '第 2 题：解析没有写明所引的法条（如“第N条”）',
    '第 2 题：解析提到的第一千零七十九条不在所引法条中',
    '第 3 题：答案指向了不存在的选项',
  ]);
  expect(await storedIds()).toEqual(before);
});

test('a good file is taken, and says how many questions were added', async () => {
  render(<QuestionImport />);
  await settle();
  await chooseFile('bank.json', JSON.stringify({ law: 'civil-code', questions: [goodQuestion] }));
  expect((await screen.findByRole('status')).textContent).toContain('已导入民法典题目：新增 1 道，更新 0 道。');
  expect(screen.queryByLabelText('导入失败')).toBeNull();
  const stored = await db().selectFrom('quizQuestion').select(['stem', 'source']).where('id', '=', goodQuestion.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ stem: goodQuestion.stem, source: 'imported' });
});

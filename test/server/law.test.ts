import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const get = async (url: string) => {
  const response = await testApp.app.inject({ method: 'GET', url: `/api/law/civil-code${url}` });
  return { status: response.statusCode, body: response.json() };
};

test('the contents list every book and chapter with its article range', async () => {
  const { status, body } = await get('');
  expect(status).toBe(200);
  expect(body.title).toBe('中华人民共和国民法典');
  expect(body.books.map((b: { title: string }) => b.title)).toEqual([
    '第一编 总则',
    '第二编 物权',
    '第三编 合同',
    '第四编 人格权',
    '第五编 婚姻家庭',
    '第六编 继承',
    '第七编 侵权责任',
    '附则',
  ]);
  const chapters = body.books.flatMap((b: { chapters: unknown[] }) => b.chapters);
  expect(chapters).toHaveLength(85);
  expect(chapters[0]).toEqual({ index: 1, title: '第一章 基本规定', part: null, firstArticle: 1, lastArticle: 12 });
  expect(chapters.at(-1)).toMatchObject({ index: 85, title: '附则', firstArticle: 1259, lastArticle: 1260 });
});

test('one article by number, with where it stands', async () => {
  const { status, body } = await get('/articles/1079');
  expect(status).toBe(200);
  expect(body).toMatchObject({ no: 1079, label: '第一千零七十九条', book: '第五编 婚姻家庭', chapter: '第四章 离婚' });
  expect(body.text).toContain('人民法院审理离婚案件，应当进行调解');
});

test('a chapter with all its articles, sections included', async () => {
  const { body } = await get('/chapters/3');
  expect(body.articles[0]).toMatchObject({ no: 57, chapter: '第三章 法人', section: '第一节 一般规定' });
  expect(body.total).toBe(body.articles.length);
});

test.each([
  ['1079', [1079]],
  ['第1079条', [1079]],
  ['第一千零七十九条', [1079]],
  ['一千零七十九', [1079]],
])('search by article number %s', async (q, numbers) => {
  const { body } = await get(`/search?q=${encodeURIComponent(q)}`);
  expect(body.articles.map((a: { no: number }) => a.no)).toEqual(numbers);
});

test('search by words finds every article holding all of them', async () => {
  const { body } = await get(`/search?q=${encodeURIComponent('建筑物 抛掷')}`);
  expect(body.articles.map((a: { no: number }) => a.no)).toContain(1254);
  for (const article of body.articles) {
    expect(article.text).toContain('建筑物');
    expect(article.text).toContain('抛掷');
  }
  const many = await get(`/search?q=${encodeURIComponent('应当')}`);
  expect(many.body.total).toBeGreaterThan(50);
  expect(many.body.articles).toHaveLength(50);
});

test.each([
  ['/articles/0', 400, '条号从 1 开始'],
  ['/articles/1261', 404, '民法典没有第 1261 条（共 1260 条）'],
  ['/articles/abc', 400, '条号应为数字'],
  ['/chapters/86', 404, '没有这一章，请从目录选择'],
  ['/search?q=', 400, '请输入要查的条号或词语'],
  [`/search?q=${'字'.repeat(31)}`, 400, '查询词最多 30 个字'],
])('%s is refused with a clear message', async (url, status, message) => {
  const response = await get(url);
  expect(response.status).toBe(status);
  expect(response.body.message).toBe(message);
});

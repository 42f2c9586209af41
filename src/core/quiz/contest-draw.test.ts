import {
  arrangeQuestion,
  contestDrawProblem,
  drawContestPaper,
  toPublicQuestion,
  type PaperEntry,
  type QuestionInBook,
} from './contest-draw';
import { seededRandom } from './daily-draw';
import type { Question } from './question';

const GENERAL = '第一编 总则';
const CONTRACTS = '第三编 合同';
const FAMILY = '第五编 婚姻家庭';

function question(id: string, book: string, overrides: Partial<Question> = {}): QuestionInBook {
  return {
    id,
    type: 'single',
    stem: `题干：${id} 这道题问的是什么？`,
    options: ['选项甲', '选项乙', '选项丙', '选项丁'],
    answer: [2],
    explanation: `根据第一百零四条，${id} 的正确答案是选项丙，解析写给居民看。`,
    articles: [104],
    difficulty: 1,
    tags: [],
    book,
    ...overrides,
  };
}

const bank: QuestionInBook[] = [
  ...Array.from({ length: 12 }, (_, i) => question(`cc-zz-${i}`, GENERAL)),
  ...Array.from({ length: 8 }, (_, i) =>
    question(`cc-ht-${i}`, CONTRACTS, { type: 'multiple', options: ['甲', '乙', '丙', '丁', '戊'], answer: [0, 3] }),
  ),
  ...Array.from({ length: 6 }, (_, i) =>
    question(`cc-hy-${i}`, FAMILY, { type: 'true_false', options: ['正确', '错误'], answer: [1] }),
  ),
];
const byId = new Map(bank.map((q) => [q.id, q]));

function draw(seed: string, books: string[], questionCount: number): PaperEntry[] {
  const result = drawContestPaper(bank, { books, questionCount }, seededRandom(seed));
  if (!result.ok) throw new Error(result.message);
  return result.paper;
}

describe('contest draw', () => {
  test('N different questions, only from the chosen books', () => {
    const paper = draw('contest-1:person-1', [CONTRACTS, FAMILY], 10);
    expect(paper).toHaveLength(10);
    expect(new Set(paper.map((entry) => entry.questionId)).size).toBe(10);
    expect(paper.every((entry) => byId.get(entry.questionId)!.book !== GENERAL)).toBe(true);
  });

  test('participants get their own draw and their own option order', () => {
    const first = draw('contest-1:person-1', [GENERAL, CONTRACTS], 10);
    const second = draw('contest-1:person-2', [GENERAL, CONTRACTS], 10);
    expect(second.map((e) => e.questionId)).not.toEqual(first.map((e) => e.questionId));
    const orders = Array.from({ length: 20 }, (_, i) => draw(`contest-1:person-${i}`, [CONTRACTS], 1)[0].optionOrder.join());
    expect(new Set(orders).size).toBeGreaterThan(10);
  });

  test('the same stream gives the same paper whatever order the bank is read in', () => {
    const reversed = drawContestPaper([...bank].reverse(), { books: [GENERAL], questionCount: 5 }, seededRandom('s'));
    expect(reversed).toEqual({ ok: true, paper: draw('s', [GENERAL], 5) });
  });

  test('判断题 keep 正确 before 错误', () => {
    const paper = draw('contest-1:person-3', [FAMILY], 6);
    expect(paper.every((entry) => entry.optionOrder.join() === '0,1')).toBe(true);
  });

  test('a contest asking for more questions than its books hold is refused with the numbers', () => {
    expect(contestDrawProblem(bank, { books: [FAMILY], questionCount: 7 })).toBe('所选各编共有 6 道题，不够每人抽 7 道');
    expect(drawContestPaper(bank, { books: [FAMILY], questionCount: 7 }, seededRandom('s'))).toEqual({
      ok: false,
      message: '所选各编共有 6 道题，不够每人抽 7 道',
    });
    expect(contestDrawProblem(bank, { books: [FAMILY], questionCount: 6 })).toBeNull();
  });

  test('no book chosen, or a count that is not a positive whole number, is refused', () => {
    expect(contestDrawProblem(bank, { books: [], questionCount: 5 })).toBe('请至少选择一编');
    expect(contestDrawProblem(bank, { books: [GENERAL], questionCount: 0 })).toBe('每人抽题数应为正整数');
    expect(contestDrawProblem(bank, { books: [GENERAL], questionCount: 2.5 })).toBe('每人抽题数应为正整数');
  });
});

describe('a question in the participant’s order', () => {
  const multiple = question('cc-ht-x', CONTRACTS, { type: 'multiple', options: ['甲', '乙', '丙', '丁'], answer: [0, 3] });

  test('options follow the drawn order and the answer follows the options', () => {
    const arranged = arrangeQuestion(multiple, [3, 1, 0, 2]);
    expect(arranged.options).toEqual(['丁', '乙', '甲', '丙']);
    expect(arranged.answer).toEqual([0, 2]);
    expect(arranged.answer.map((i) => arranged.options[i]).sort()).toEqual(['丁', '甲'].sort());
  });

  test('an order that does not fit the question is an error, not a silently wrong key', () => {
    expect(() => arrangeQuestion(multiple, [0, 1, 2])).toThrow(RangeError);
    expect(() => arrangeQuestion(multiple, [0, 1, 1, 2])).toThrow(RangeError);
  });
});

describe('what reaches the phone before submitting', () => {
  test('a public question carries no answer, explanation or articles', () => {
    const arranged = arrangeQuestion(byId.get('cc-ht-0')!, [4, 3, 2, 1, 0]);
    const sent = toPublicQuestion(arranged);
    expect(Object.keys(sent).sort()).toEqual(['id', 'options', 'stem', 'type']);
    expect(sent.options).toEqual(['戊', '丁', '丙', '乙', '甲']);
    const payload = JSON.stringify(sent);
    expect(payload).not.toContain('answer');
    expect(payload).not.toContain(arranged.explanation);
    expect(payload).not.toContain('第一百零四条');
  });
});

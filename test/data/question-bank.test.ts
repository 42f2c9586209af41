import fs from 'node:fs';
import path from 'node:path';
import {
  LAWS,
  LawTextSchema,
  MIN_QUESTIONS_PER_CHAPTER,
  QuestionBankFileSchema,
  QuestionSchema,
  SITUATION_TAG,
  indexLaw,
  numbersIn,
  placeOf,
  questionProblems,
  type Law,
  type LawIndex,
  type Question,
} from '../../src/core/quiz/question';

// The bank under data/questions/<law>/ checked against the law's text in data/<law>.json: what the quiz
// engine will load, and what residents will be taught.

const dataDir = path.resolve(__dirname, '..', '..', 'data');

function readLaw(law: Law): LawIndex {
  return indexLaw(LawTextSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, `${law}.json`), 'utf8'))));
}

function readBank(law: Law): Question[] {
  const dir = path.join(dataDir, 'questions', law);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const parsed = QuestionBankFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 10);
        throw new Error(`${law}/${file} does not fit the question format:\n${where.join('\n')}`);
      }
      if (parsed.data.law !== law) throw new Error(`${law}/${file} says it is about ${parsed.data.law}`);
      return parsed.data.questions;
    });
}

const laws = { 'civil-code': readLaw('civil-code'), constitution: readLaw('constitution') } satisfies Record<Law, LawIndex>;
const banks = { 'civil-code': readBank('civil-code'), constitution: readBank('constitution') } satisfies Record<Law, Question[]>;
const civilCode = laws['civil-code'];
const everyQuestion = LAWS.flatMap((law) => banks[law]);

const share = (part: number, whole: number) => part / whole;

function chapterCounts(law: Law): { chapter: string; count: number }[] {
  return laws[law].chapters
    .filter((place) => place.chapter !== null)
    .map((place) => ({
      chapter: `${place.book ?? ''}${place.chapter}`,
      count: banks[law].filter((q) => {
        const at = placeOf(q, laws[law]);
        return at?.book === place.book && at?.chapter === place.chapter;
      }).length,
    }));
}

const goodQuestion: Question = {
  id: 'cc-check',
  type: 'single',
  stem: '八周岁以上的未成年人是什么民事行为能力人？',
  options: ['限制民事行为能力人', '无民事行为能力人', '完全民事行为能力人'],
  answer: [0],
  explanation: '根据第十九条，八周岁以上的未成年人为限制民事行为能力人。不满八周岁的才是无民事行为能力人。',
  articles: [19],
  difficulty: 1,
  tags: [],
};

describe('the law texts', () => {
  test('the Civil Code is complete: 1260 articles numbered without gaps, in 84 chapters and the 附则', () => {
    expect([...civilCode.articles.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 1260 }, (_, i) => i + 1));
    expect(civilCode.chapters.filter((c) => c.chapter !== null)).toHaveLength(84);
    expect(civilCode.articles.get(1260)).toMatchObject({ book: '附则', chapter: null });
  });

  test('the Constitution is complete: 143 articles numbered without gaps, labelled 第N条, in four chapters', () => {
    const constitution = laws.constitution;
    expect([...constitution.articles.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 143 }, (_, i) => i + 1));
    expect(constitution.articles.get(34)).toMatchObject({ label: '第三十四条', book: null, chapter: '第二章 公民的基本权利和义务' });
    expect(constitution.chapters.map((c) => c.chapter)).toEqual([
      '第一章 总纲',
      '第二章 公民的基本权利和义务',
      '第三章 国家机构',
      '第四章 国旗、国歌、国徽、首都',
    ]);
  });
});

describe('the checks themselves', () => {
  test('the format refuses a law it does not know, an answer outside the options, two answers to a single choice', () => {
    expect(QuestionBankFileSchema.safeParse({ law: 'criminal-law', questions: [] }).success).toBe(false);
    expect(QuestionBankFileSchema.safeParse({ law: 'constitution', questions: [goodQuestion] }).success).toBe(true);
    expect(QuestionSchema.safeParse({ ...goodQuestion, answer: [3] }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...goodQuestion, answer: [0, 1] }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...goodQuestion, type: 'true_false', options: ['对', '错'] }).success).toBe(false);
    expect(QuestionSchema.safeParse({ ...goodQuestion, articles: [] }).success).toBe(false);
  });

  test('the checker catches an article that does not exist, an unnamed article and a number the law does not say', () => {
    const problems = questionProblems(
      {
        ...goodQuestion,
        options: ['限制民事行为能力人', '九周岁'],
        answer: [1],
        explanation: '这是一段没有写明法条编号的解析文字，用来检验检查器。',
        articles: [19, 9999],
      },
      civilCode.articles,
    );
    expect(problems).toEqual([
      '引用的第 9999 条不存在',
      '解析没有写明所引的法条（如“第十九条”）',
      '正确选项中的“九”在所引法条中找不到',
    ]);
    expect(questionProblems(goodQuestion, civilCode.articles)).toEqual([]);
    expect(numbersIn('年满十八周岁，3年内，百分之二十，二十日')).toEqual(['十八', '3', '百分之二十', '二十']);
  });

  test('the checker catches an explanation naming an article the question does not cite', () => {
    const problems = questionProblems(
      { ...goodQuestion, explanation: '根据第十九条，八周岁以上的未成年人为限制民事行为能力人。第二十条说的是不满八周岁的。' },
      civilCode.articles,
    );
    expect(problems).toEqual(['解析提到的第二十条不在所引法条中']);
  });

  test('a Constitution question is checked against the Constitution, not the Civil Code', () => {
    const question: Question = {
      ...goodQuestion,
      id: 'con-check',
      stem: '年满多少周岁的公民有选举权和被选举权？',
      options: ['十六周岁', '十八周岁', '二十周岁'],
      answer: [1],
      explanation: '根据第三十四条，年满十八周岁的中华人民共和国公民有选举权和被选举权。十六周岁、二十周岁都不对。',
      articles: [34],
    };
    expect(questionProblems(question, laws.constitution.articles)).toEqual([]);
    expect(questionProblems(question, civilCode.articles)).toEqual(['正确选项中的“十八”在所引法条中找不到']);
  });
});

describe.each(LAWS)('the %s bank', (law) => {
  const questions = banks[law];

  test('every question rests on articles that exist, its explanation names them, and its right answers say only numbers they say', () => {
    const problems = questions.flatMap((q) => questionProblems(q, laws[law].articles).map((p) => `${q.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  test('every explanation is 2 to 4 sentences', () => {
    const sentences = (text: string) => text.split(/[。！？]/).filter((s) => s.replace(/[”’\s]/g, '') !== '').length;
    const offending = questions.filter((q) => sentences(q.explanation) < 2 || sentences(q.explanation) > 4).map((q) => q.id);
    expect(offending).toEqual([]);
  });

  test('no explanation points at an option by its place (contests shuffle the options)', () => {
    // "第三项" after 条 or 款 is an item of an article, not an option.
    const byPlace = /(?<![条款])第[一二三四五六]项|前[两二三四]项|后[两二三]项|最后一项|[A-F]项|选项[A-F]/;
    expect(questions.filter((q) => byPlace.test(q.explanation)).map((q) => q.id)).toEqual([]);
  });

  test('choice questions offer at least three options, and a multiple choice has at least one wrong option', () => {
    const offending = questions
      .filter((q) => q.type !== 'true_false')
      .filter((q) => q.options.length < 3 || (q.type === 'multiple' && q.answer.length === q.options.length))
      .map((q) => q.id);
    expect(offending).toEqual([]);
  });

  test(`every chapter has at least ${MIN_QUESTIONS_PER_CHAPTER} questions (counted by the first cited article)`, () => {
    expect(chapterCounts(law).filter((c) => c.count < MIN_QUESTIONS_PER_CHAPTER)).toEqual([]);
  });

  test('the mix: about half single choice, a quarter multiple choice, a quarter true/false (±5 points); three difficulties', () => {
    const ofType = (type: Question['type']) => share(questions.filter((q) => q.type === type).length, questions.length);
    expect(ofType('single')).toBeGreaterThanOrEqual(0.45);
    expect(ofType('single')).toBeLessThanOrEqual(0.55);
    expect(ofType('multiple')).toBeGreaterThanOrEqual(0.2);
    expect(ofType('multiple')).toBeLessThanOrEqual(0.3);
    expect(ofType('true_false')).toBeGreaterThanOrEqual(0.2);
    expect(ofType('true_false')).toBeLessThanOrEqual(0.3);
    for (const difficulty of [1, 2, 3]) {
      expect(share(questions.filter((q) => q.difficulty === difficulty).length, questions.length)).toBeGreaterThanOrEqual(0.1);
    }
  });

  test('the right answer of a single choice is not mostly in one place (no position over 40%)', () => {
    const singles = questions.filter((q) => q.type === 'single');
    for (const position of [0, 1, 2, 3]) {
      expect(share(singles.filter((q) => q.answer[0] === position).length, singles.length)).toBeLessThanOrEqual(0.4);
    }
  });
});

test('the Civil Code bank holds at least 400 questions and the Constitution bank at least 40', () => {
  expect(banks['civil-code'].length).toBeGreaterThanOrEqual(400);
  expect(banks.constitution.length).toBeGreaterThanOrEqual(40);
});

test('at least a third of the Civil Code questions are everyday situations, told at some length', () => {
  const situations = banks['civil-code'].filter((q) => q.tags.includes(SITUATION_TAG));
  expect(share(situations.length, banks['civil-code'].length)).toBeGreaterThanOrEqual(1 / 3);
  // A situation names who and what happened before it asks: a bare "which article says" stem is short.
  expect(situations.filter((q) => q.stem.length < 25).map((q) => q.id)).toEqual([]);
});

describe('no two questions of the whole bank are the same', () => {
  // Rule: two stems are alike when, punctuation and spaces removed, they are identical or share at least
  // 70% of their character bigrams (Jaccard). Template stems such as "关于X，下列说法正确的有哪些？" stay below it.
  const LIMIT = 0.7;
  const normalise = (stem: string) => stem.replace(/[\s，。？！、：；“”‘’（）,.?!:;()"']/g, '');
  const bigrams = (stem: string) => {
    const text = normalise(stem);
    return new Set(Array.from({ length: text.length - 1 }, (_, i) => text.slice(i, i + 2)));
  };
  const similarity = (a: Set<string>, b: Set<string>) => {
    const shared = [...a].filter((bigram) => b.has(bigram)).length;
    return shared / (a.size + b.size - shared);
  };

  test('the rule flags a reworded copy and lets two different questions on one article pass', () => {
    const original = bigrams('王婶用手机转账时输错了号码，把两千元转给了一个陌生人。这笔钱应当怎么处理？');
    const reworded = bigrams('王婶用手机转账时输错号码，把两千元转给了一个陌生人，这笔钱该怎么处理？');
    const different = bigrams('小唐在菜市场买菜，摊主找零时多找了他一笔钱，他回家后才发现。小唐该怎么办？');
    expect(similarity(original, reworded)).toBeGreaterThanOrEqual(LIMIT);
    expect(similarity(original, different)).toBeLessThan(LIMIT);
  });

  test('ids are unique across both laws', () => {
    const ids = everyQuestion.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test(`no two stems are alike: identical once normalised, or character-bigram Jaccard similarity ≥ ${LIMIT}`, () => {
    const sets = everyQuestion.map((q) => bigrams(q.stem));
    const alike: string[] = [];
    for (let i = 0; i < everyQuestion.length; i += 1) {
      for (let j = i + 1; j < everyQuestion.length; j += 1) {
        const score = similarity(sets[i], sets[j]);
        if (normalise(everyQuestion[i].stem) === normalise(everyQuestion[j].stem) || score >= LIMIT) {
          alike.push(`${everyQuestion[i].id} ~ ${everyQuestion[j].id} (${score.toFixed(2)})`);
        }
      }
    }
    expect(alike).toEqual([]);
  });
});

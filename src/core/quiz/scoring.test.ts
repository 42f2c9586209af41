import { isCorrect, pointsPerQuestion, scoreAnswers, type ScorableQuestion } from './scoring';

const single: ScorableQuestion = { id: 'q-single', type: 'single', options: ['甲', '乙', '丙', '丁'], answer: [2] };
const multiple: ScorableQuestion = { id: 'q-multiple', type: 'multiple', options: ['甲', '乙', '丙', '丁', '戊'], answer: [0, 3] };
const trueFalse: ScorableQuestion = { id: 'q-true-false', type: 'true_false', options: ['正确', '错误'], answer: [1] };

describe('one answer', () => {
  test('single choice and true/false are right only with exactly the answer', () => {
    expect(isCorrect(single, [2])).toBe(true);
    expect(isCorrect(single, [1])).toBe(false);
    expect(isCorrect(single, [1, 2])).toBe(false);
    expect(isCorrect(single, [])).toBe(false);
    expect(isCorrect(trueFalse, [1])).toBe(true);
    expect(isCorrect(trueFalse, [0, 1])).toBe(false);
  });

  test('multiple choice is right only with the whole answer set: partial is wrong', () => {
    expect(isCorrect(multiple, [3, 0])).toBe(true);
    expect(isCorrect(multiple, [0])).toBe(false);
    expect(isCorrect(multiple, [0, 3, 4])).toBe(false);
    expect(isCorrect(multiple, [1, 2])).toBe(false);
  });
});

describe('a submission', () => {
  const paper = [single, multiple, trueFalse, { ...single, id: 'q-single-2' }, { ...trueFalse, id: 'q-true-false-2' }];

  test('five questions are 20 points each; a partial multiple choice earns nothing', () => {
    const result = scoreAnswers(paper, [
      { questionId: 'q-single', chosen: [2] },
      { questionId: 'q-multiple', chosen: [0] },
      { questionId: 'q-true-false', chosen: [1] },
      { questionId: 'q-single-2', chosen: [0] },
      { questionId: 'q-true-false-2', chosen: [1] },
    ]);
    expect(result).toEqual({
      ok: true,
      score: {
        score: 60,
        correctCount: 3,
        results: [
          { questionId: 'q-single', chosen: [2], correct: true, points: 20 },
          { questionId: 'q-multiple', chosen: [0], correct: false, points: 0 },
          { questionId: 'q-true-false', chosen: [1], correct: true, points: 20 },
          { questionId: 'q-single-2', chosen: [0], correct: false, points: 0 },
          { questionId: 'q-true-false-2', chosen: [1], correct: true, points: 20 },
        ],
      },
    });
  });

  test('questions left unanswered (a time-limit auto-submit) count as wrong, in the paper’s order', () => {
    const result = scoreAnswers(paper, [{ questionId: 'q-multiple', chosen: [3, 0] }]);
    if (!result.ok) throw new Error('expected a score');
    expect(result.score.score).toBe(20);
    expect(result.score.results.map((r) => [r.questionId, r.chosen, r.correct])).toEqual([
      ['q-single', [], false],
      ['q-multiple', [0, 3], true],
      ['q-true-false', [], false],
      ['q-single-2', [], false],
      ['q-true-false-2', [], false],
    ]);
  });

  test('the score is out of 100 to one decimal, and all right is exactly 100', () => {
    const three = [single, multiple, trueFalse];
    const allRight = scoreAnswers(three, [
      { questionId: 'q-single', chosen: [2] },
      { questionId: 'q-multiple', chosen: [0, 3] },
      { questionId: 'q-true-false', chosen: [1] },
    ]);
    const twoRight = scoreAnswers(three, [
      { questionId: 'q-single', chosen: [2] },
      { questionId: 'q-multiple', chosen: [0, 3] },
    ]);
    expect(allRight.ok && allRight.score.score).toBe(100);
    expect(twoRight.ok && twoRight.score.score).toBe(66.7);
    expect(pointsPerQuestion(3)).toBe(33.3);
    expect(pointsPerQuestion(30)).toBe(3.3);
  });

  test('an answer to a question that was not drawn is a problem, and nothing is scored', () => {
    expect(scoreAnswers(paper, [{ questionId: 'q-single', chosen: [2] }, { questionId: 'q-other', chosen: [0] }])).toEqual({
      ok: false,
      problems: [{ questionId: 'q-other', message: '题目 q-other 不是本次抽到的题，不能作答' }],
    });
  });

  test('option numbers the question does not have are problems', () => {
    const result = scoreAnswers(paper, [
      { questionId: 'q-true-false', chosen: [2] },
      { questionId: 'q-multiple', chosen: [0, -1, 1.5] },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { questionId: 'q-true-false', message: '第 3 题没有编号为 2 的选项（应为 0–1）' },
        { questionId: 'q-multiple', message: '第 2 题没有编号为 -1、1.5 的选项（应为 0–4）' },
      ],
    });
  });

  test('one question answered twice, or one option chosen twice, is a problem', () => {
    const result = scoreAnswers(paper, [
      { questionId: 'q-single', chosen: [2] },
      { questionId: 'q-single', chosen: [1] },
      { questionId: 'q-multiple', chosen: [0, 0] },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { questionId: 'q-single', message: '第 1 题的答案提交了不止一次' },
        { questionId: 'q-multiple', message: '第 2 题重复选择了同一个选项' },
      ],
    });
  });
});

import { Button, Checkbox, Dialog, Input, Radio, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { EditQuestionSchema, type StaffQuestion } from '@core/quiz/schemas';
import type { Question } from '@core/quiz/question';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { optionLetter, placeLabel, QUESTION_TYPE_LABELS } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { TextBox } from '../../../shared/ui/text-box';
import { findQuestion, quizOfficeApi } from '../api/quiz-office-api';
import { articleNumbersFrom, SOURCE_LABELS, tagsFrom } from '../format';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

type QuestionType = Question['type'];

interface Draft {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
  articles: string;
  difficulty: Question['difficulty'];
  tags: string;
}

const TRUE_FALSE = ['正确', '错误'];
const MAX_OPTIONS = 6;

function draftOf(question: StaffQuestion): Draft {
  return {
    type: question.type,
    stem: question.stem,
    options: [...question.options],
    answer: [...question.answer],
    explanation: question.explanation,
    articles: question.articles.join('、'),
    difficulty: question.difficulty,
    tags: question.tags.join('、'),
  };
}

function bodyOf(id: string, draft: Draft): Question {
  return {
    id,
    type: draft.type,
    stem: draft.stem.trim(),
    options: draft.options.map((option) => option.trim()),
    answer: [...draft.answer].sort((a, b) => a - b),
    explanation: draft.explanation.trim(),
    articles: articleNumbersFrom(draft.articles),
    difficulty: draft.difficulty,
    tags: tagsFrom(draft.tags),
  };
}

/** Words for the checks QuestionSchema leaves without a message of its own. */
function fallbackMessage(issue: { path?: PropertyKey[]; code?: string }): string {
  const [field, item] = issue.path ?? [];
  if (field === 'options' && typeof item === 'number') return `选项 ${optionLetter(item)} 是空的或超过 120 字`;
  if (field === 'options') return '选项应有 2–6 个';
  if (field === 'answer') return '请选出正确答案';
  if (field === 'articles') return '法条请填写条号数字，如 1079、1080';
  return '请检查这一项';
}

/** What a change of type does to the options: 判断题 have exactly 正确 and 错误. */
function retyped(draft: Draft, type: QuestionType): Draft {
  if (type === draft.type) return draft;
  if (type === 'true_false') return { ...draft, type, options: [...TRUE_FALSE], answer: [] };
  const options = draft.type === 'true_false' ? ['', '', '', ''] : draft.options;
  return { ...draft, type, options, answer: type === 'single' ? draft.answer.slice(0, 1) : draft.answer };
}

/** One question in full, as the office edits it: every field, checked as the server checks it, and retire or restore. */
export function QuestionEditor({ id }: { id: string }) {
  const [question, setQuestion] = useState<StaffQuestion | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingRetire, setConfirmingRetire] = useState(false);

  const load = useCallback(async () => {
    try {
      const found = await findQuestion(id);
      if (!found) {
        setLoadProblem(`题库里没有编号为 ${id} 的题目`);
        return;
      }
      setQuestion(found);
      setDraft(draftOf(found));
      setLoadProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setLoadProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!question || !draft) {
    if (loadProblem) return <ErrorBlock message={loadProblem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
  const setOption = (index: number, text: string) => change({ options: draft.options.map((o, i) => (i === index ? text : o)) });
  const removeOption = (index: number) =>
    change({
      options: draft.options.filter((_, i) => i !== index),
      answer: draft.answer.filter((a) => a !== index).map((a) => (a > index ? a - 1 : a)),
    });

  async function save() {
    if (!draft || !question) return;
    const checked = EditQuestionSchema.safeParse(bodyOf(id, draft), { error: fallbackMessage });
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      setRefusal('还有需要修改的地方，见各项下方的说明');
      return;
    }
    setProblems({});
    setRefusal(null);
    setSaving(true);
    try {
      const saved = await quizOfficeApi.editQuestion(id, checked.data);
      setQuestion(saved);
      setDraft(draftOf(saved));
      Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setRefusal(error instanceof ApiRequestError ? error.message : '没有保存成功，请重试');
    } finally {
      setSaving(false);
    }
  }

  async function toggleRetired() {
    if (!question) return;
    setConfirmingRetire(false);
    setRefusal(null);
    try {
      const changed = await quizOfficeApi.retireQuestion(id, !question.retired);
      setQuestion(changed);
      Taro.showToast({ title: changed.retired ? '已停用' : '已恢复使用', icon: 'success' });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setRefusal(error instanceof ApiRequestError ? error.message : '操作没有成功，请重试');
    }
  }

  return (
    <View className="office-page question-editor">
      <View className="quiz-office__row-head">
        <View className="office-page__title">题目 {id}</View>
        <Tag plain>{SOURCE_LABELS[question.source]}</Tag>
        {question.retired && <Tag type="default">已停用</Tag>}
      </View>
      <View className="quiz-office__meta">
        {placeLabel(question.law, question.book)}
        {question.chapter ? ` · ${question.chapter}` : ''}
      </View>
      {question.openReports > 0 && (
        <View className="office-notice quiz-office__reports" role="link" onClick={() => void Taro.navigateTo({ url: PAGES.staffReports })}>
          这道题有 {question.openReports} 条待处理的纠错，点此查看
        </View>
      )}

      <View className="office-card">
        <View className="question-editor__group" aria-label="题型">
          <View className="field__label">题型</View>
          <Radio.Group value={draft.type} direction="horizontal" shape="button" onChange={(value) => setDraft(retyped(draft, value as QuestionType))}>
            {(['single', 'multiple', 'true_false'] as const).map((type) => (
              <Radio key={type} value={type} shape="button">
                {QUESTION_TYPE_LABELS[type]}
              </Radio>
            ))}
          </Radio.Group>
        </View>

        <TextBox label="题干" value={draft.stem} onChange={(stem) => change({ stem })} maxLength={300} problem={problems.stem} />

        <View className="question-editor__group" aria-label="选项和答案">
          <View className="field__label">{draft.type === 'multiple' ? '选项（勾选所有正确答案）' : '选项（选出正确答案）'}</View>
          {draft.options.map((option, index) => (
            <View key={index} className="question-editor__option">
              {draft.type === 'multiple' ? (
                <Checkbox
                  checked={draft.answer.includes(index)}
                  label={optionLetter(index)}
                  onChange={(on) => change({ answer: on ? [...draft.answer, index] : draft.answer.filter((a) => a !== index) })}
                />
              ) : (
                <Radio checked={draft.answer.includes(index)} onChange={() => change({ answer: [index] })}>
                  {draft.type === 'true_false' ? '' : optionLetter(index)}
                </Radio>
              )}
              {draft.type === 'true_false' ? (
                <View className="question-editor__fixed">{option}</View>
              ) : (
                <Input
                  className="question-editor__input field__input"
                  name={`option-${index}`}
                  value={option}
                  maxLength={120}
                  onChange={(text) => setOption(index, text)}
                />
              )}
              {draft.type !== 'true_false' && draft.options.length > 2 && (
                <Button size="small" fill="none" onClick={() => removeOption(index)}>
                  删除
                </Button>
              )}
            </View>
          ))}
          {draft.type !== 'true_false' && draft.options.length < MAX_OPTIONS && (
            <Button size="small" fill="outline" onClick={() => change({ options: [...draft.options, ''] })}>
              添加选项
            </Button>
          )}
          <Problem message={problems.options ?? problems.answer} />
        </View>

        <TextBox
          label="解析（写明所依据的法条，如“第一千零七十九条”）"
          value={draft.explanation}
          onChange={(explanation) => change({ explanation })}
          maxLength={400}
          problem={problems.explanation}
        />
        <Field
          label="依据的法条条号（用顿号分隔，如 1079、1080）"
          name="articles"
          value={draft.articles}
          onChange={(articles) => change({ articles })}
          problem={problems.articles}
        />

        <View className="question-editor__group" aria-label="难度">
          <View className="field__label">难度</View>
          <Radio.Group
            value={String(draft.difficulty)}
            direction="horizontal"
            shape="button"
            onChange={(value) => change({ difficulty: Number(value) as Question['difficulty'] })}
          >
            <Radio value="1" shape="button">
              易
            </Radio>
            <Radio value="2" shape="button">
              中
            </Radio>
            <Radio value="3" shape="button">
              难
            </Radio>
          </Radio.Group>
        </View>
        <Field label="标签（用顿号分隔）" name="tags" value={draft.tags} onChange={(tags) => change({ tags })} problem={problems.tags} maxLength={200} />

        <Problem message={refusal} />
        <View className="question-editor__buttons">
          <Button type="primary" size="large" loading={saving} disabled={saving} onClick={() => void save()}>
            保存修改
          </Button>
          <Button size="large" fill="outline" onClick={() => setConfirmingRetire(true)}>
            {question.retired ? '恢复使用' : '停用这道题'}
          </Button>
        </View>
      </View>

      <Dialog
        visible={confirmingRetire}
        title={question.retired ? '恢复使用' : '停用'}
        content={question.retired ? '恢复后，这道题会重新被抽到。确定恢复吗？' : '停用后，这道题不再出现在每日一练、练习和新的竞赛答卷中。确定停用吗？'}
        confirmText="确定"
        cancelText="再想想"
        onConfirm={() => void toggleRetired()}
        onCancel={() => setConfirmingRetire(false)}
        onClose={() => setConfirmingRetire(false)}
      />
    </View>
  );
}

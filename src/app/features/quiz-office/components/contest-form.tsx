import { Button, Checkbox, Dialog, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CONTEST_AUDIENCE_LABELS, CONTEST_AUDIENCES, CreateContestSchema, type CreateContest } from '@core/quiz/schemas';
import { addDays, shanghaiDateOf, shanghaiIsoString } from '@core/shared/shanghai-time';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { audienceLabel, scopeLabel, windowLabel } from '../../../shared/format/contest-labels';
import { PAGES } from '../../../shared/pages';
import { Field, Problem, problemsByField } from '../../../shared/ui/field';
import { WindowFields } from '../../../shared/ui/window-fields';
import { quizOfficeApi } from '../api/quiz-office-api';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

interface Draft {
  title: string;
  law: CreateContest['law'];
  books: string[];
  questionCount: string;
  timeLimitMinutes: string;
  attemptsAllowed: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  audience: CreateContest['audience'];
}

/** Tomorrow morning for a week: a contest is usually announced a day ahead and runs over a week. */
function emptyDraft(): Draft {
  const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
  return {
    title: '',
    law: 'civil-code',
    books: [],
    questionCount: '20',
    timeLimitMinutes: '15',
    attemptsAllowed: '1',
    startDate: tomorrow,
    startTime: '09:00',
    endDate: addDays(tomorrow, 7),
    endTime: '18:00',
    audience: 'everyone',
  };
}

/** A typed whole number, or NaN for the schema to explain (an empty field is not 0). */
const wholeNumber = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed.trim()));

function bodyOf(draft: Draft) {
  return {
    title: draft.title,
    law: draft.law,
    books: draft.law === 'civil-code' ? draft.books : [],
    questionCount: wholeNumber(draft.questionCount),
    timeLimitMinutes: wholeNumber(draft.timeLimitMinutes),
    attemptsAllowed: wholeNumber(draft.attemptsAllowed),
    // Shanghai wall-clock time as staff read it, sent as an instant with its +08:00 offset.
    startsAt: shanghaiIsoString(draft.startDate, draft.startTime),
    endsAt: shanghaiIsoString(draft.endDate, draft.endTime),
    audience: draft.audience,
  };
}

/** The contest in one sentence, to read over before it goes out. */
function summaryOf(contest: CreateContest): string {
  const rules = `每人 ${contest.questionCount} 题（${scopeLabel(contest)}），限时 ${contest.timeLimitMinutes} 分钟，可答 ${contest.attemptsAllowed} 次`;
  return `${contest.title}：${windowLabel(contest)}，${rules}，参赛对象：${audienceLabel(contest)}`;
}


/** 新建竞赛: the office's form, checked as the server checks it, each problem under its field. */
export function ContestForm() {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [books, setBooks] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CreateContest | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    quizOfficeApi
      .civilCodeBooks()
      .then(setBooks)
      .catch(() => setRefusal('民法典的目录没有加载出来，暂时只能从整部民法典抽题'));
  }, []);

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  function review() {
    const checked = CreateContestSchema.safeParse(bodyOf(draft));
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    setRefusal(null);
    setConfirming(checked.data);
  }

  async function publish() {
    const body = confirming;
    setConfirming(null);
    if (!body) return;
    setSending(true);
    try {
      const contest = await quizOfficeApi.createContest(body);
      Taro.showToast({ title: '竞赛已发布', icon: 'success' });
      void Taro.redirectTo({ url: `${PAGES.staffContest}?id=${contest.id}` });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setRefusal(error instanceof ApiRequestError ? error.message : '没有发布成功，请重试');
    } finally {
      setSending(false);
    }
  }

  const today = shanghaiDateOf(new Date());

  return (
    <View className="office-page contest-form">
      <View className="office-page__title">新建竞赛</View>
      <View className="office-card">
        <Field
          label="竞赛名称"
          name="title"
          value={draft.title}
          onChange={(v) => change('title', v)}
          problem={problems.title}
          maxLength={40}
          placeholder="如：民法典宣传月知识竞赛"
        />

        <View className="contest-form__group" aria-label="法律">
          <View className="field__label">法律</View>
          <Radio.Group value={draft.law} direction="horizontal" shape="button" onChange={(v) => change('law', v as Draft['law'])}>
            <Radio value="civil-code" shape="button">
              民法典
            </Radio>
            <Radio value="constitution" shape="button">
              宪法
            </Radio>
          </Radio.Group>
        </View>

        {draft.law === 'civil-code' && books.length > 0 && (
          <View className="contest-form__group" aria-label="出题范围">
            <View className="field__label">出题范围（可多选；不选则从整部民法典抽题）</View>
            <Checkbox.Group value={draft.books} direction="horizontal" onChange={(chosen) => change('books', chosen.map(String))}>
              {books.map((book) => (
                <Checkbox key={book} value={book} shape="button">
                  {book}
                </Checkbox>
              ))}
            </Checkbox.Group>
            <Problem message={problems.books} />
          </View>
        )}

        <View className="contest-form__numbers">
          <Field
            label="每人题量（5–50）"
            name="questionCount"
            value={draft.questionCount}
            onChange={(v) => change('questionCount', v)}
            problem={problems.questionCount}
            maxLength={3}
          />
          <Field
            label="时限（分钟）"
            name="timeLimitMinutes"
            value={draft.timeLimitMinutes}
            onChange={(v) => change('timeLimitMinutes', v)}
            problem={problems.timeLimitMinutes}
            maxLength={3}
          />
          <Field
            label="每人可答次数"
            name="attemptsAllowed"
            value={draft.attemptsAllowed}
            onChange={(v) => change('attemptsAllowed', v)}
            problem={problems.attemptsAllowed}
            maxLength={2}
          />
        </View>

        <WindowFields value={draft} onChange={change} problems={problems} firstDay={today} lastDay={addDays(today, 730)} />

        <View className="contest-form__group" aria-label="参赛对象">
          <View className="field__label">参赛对象</View>
          <Radio.Group value={draft.audience} direction="horizontal" shape="button" onChange={(v) => change('audience', v as Draft['audience'])}>
            {CONTEST_AUDIENCES.map((audience) => (
              <Radio key={audience} value={audience} shape="button">
                {CONTEST_AUDIENCE_LABELS[audience]}
              </Radio>
            ))}
          </Radio.Group>
          <Problem message={problems.audience} />
        </View>

        <Problem message={refusal} />
        <Button type="primary" size="large" loading={sending} disabled={sending} onClick={review}>
          发布竞赛
        </Button>
      </View>


      <Dialog
        visible={confirming !== null}
        title="发布竞赛"
        content={confirming ? `${summaryOf(confirming)}。发布后不能修改，确定发布吗？` : ''}
        confirmText="确定发布"
        cancelText="再改改"
        onConfirm={() => void publish()}
        onCancel={() => setConfirming(null)}
        onClose={() => setConfirming(null)}
      />
    </View>
  );
}

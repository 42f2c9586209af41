import { Button, Progress } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { DailyQuiz as DailyQuizData, DailyResult } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { useShareCard } from '../../../shared/share/use-share-card';
import { Problem } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { QuestionView } from '../../../shared/ui/question-view';
import { useDailyQuiz } from '../api/cached-queries';
import { submitDailyQuiz } from '../api/quiz-api';
import { forgetDailyAnswers, keepDailyAnswers, keptDailyAnswers, type ChosenAnswers } from '../daily-answers';
import { dayLabel } from '../format';
import { DailyResultView } from './daily-result';
import './quiz.scss';

function firstUnanswered(quiz: DailyQuizData, chosen: ChosenAnswers): number {
  const index = quiz.questions.findIndex((question) => !chosen[question.id]?.length);
  return index === -1 ? 0 : index;
}

interface AnsweringProps {
  quiz: DailyQuizData;
  onResult: (result: DailyResult) => void;
  /** The server would not take it (already done on another phone, or the day has turned): ask again. */
  onRefused: () => void;
}

function Answering({ quiz, onResult, onRefused }: AnsweringProps) {
  // Answers chosen before the app was closed are still there.
  const [chosen, setChosen] = useState<ChosenAnswers>(() => keptDailyAnswers(quiz.date));
  const [position, setPosition] = useState(() => firstUnanswered(quiz, chosen));
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { questions } = quiz;
  const question = questions[position];
  const unanswered = questions.flatMap((q, index) => (chosen[q.id]?.length ? [] : [index + 1]));
  const last = position === questions.length - 1;

  function choose(options: number[]) {
    const next = { ...chosen, [question.id]: options };
    setChosen(next);
    keepDailyAnswers(quiz.date, next);
    setProblem(null);
  }

  async function submit() {
    if (unanswered.length > 0) {
      setProblem(`第 ${unanswered.join('、')} 题还没有作答，请答完再交卷`);
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const result = await submitDailyQuiz(questions.map((q) => ({ questionId: q.id, chosen: chosen[q.id] })));
      forgetDailyAnswers();
      onResult(result);
    } catch (error) {
      if (error instanceof ApiRequestError && error.kind === 'network') {
        setProblem(`${error.message}。答案已保存在手机上，可以稍后再交卷。`);
      } else {
        setProblem(error instanceof ApiRequestError ? error.message : '交卷没有成功，请重试');
        onRefused();
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="daily-quiz">
      <View className="daily-quiz__progress" aria-label="答题进度">
        <View className="daily-quiz__position">
          第 {position + 1} / {questions.length} 题
        </View>
        <Progress percent={((position + 1) / questions.length) * 100} color="#b71c1c" strokeWidth="8" />
        <View className="daily-quiz__numbers">
          {questions.map((q, index) => (
            <View
              key={q.id}
              role="button"
              aria-label={`第 ${index + 1} 题${chosen[q.id]?.length ? '（已答）' : ''}`}
              className={[
                'daily-quiz__number',
                chosen[q.id]?.length ? 'daily-quiz__number--answered' : '',
                index === position ? 'daily-quiz__number--current' : '',
              ].join(' ')}
              onClick={() => setPosition(index)}
            >
              {index + 1}
            </View>
          ))}
        </View>
      </View>
      <QuestionView key={question.id} question={question} chosen={chosen[question.id] ?? []} onChange={choose} />
      <View className="daily-quiz__actions">
        {position > 0 && (
          <Button size="large" fill="outline" onClick={() => setPosition(position - 1)}>
            上一题
          </Button>
        )}
        {last ? (
          <Button type="primary" size="large" loading={sending} disabled={sending} onClick={() => void submit()}>
            交卷
          </Button>
        ) : (
          <Button type="primary" size="large" onClick={() => setPosition(position + 1)}>
            下一题
          </Button>
        )}
      </View>
      <Problem message={problem} />
    </View>
  );
}

/** 每日一练: five questions, one a screen, submitted together; once done, today's result. */
export function DailyQuiz() {
  const { data, error, loading, reload } = useDailyQuiz();
  const [justScored, setJustScored] = useState<DailyResult | null>(null);
  const result = data?.result ?? (justScored && justScored.date === data?.date ? justScored : null);

  // The result's 分享 button shares this card too; a grid worker's card says who shared it.
  useShareCard({
    title: result ? `我今天的民法典每日一练得了${scoreLabel(result.score)}，一起来练练` : '每天 5 道题，学一点民法典',
    page: PAGES.quizDaily,
    // The day's quiz is the shared item: each day's card counts for that day.
    query: data ? { from: 'quiz', date: data.date } : { from: 'quiz' },
  });

  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: `每日一练 · ${dayLabel(data.date)}` }).catch(() => undefined);
  }, [data]);

  if (!data) {
    if (loading) return <LoadingBlock />;
    return <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />;
  }

  function scored(fresh: DailyResult) {
    setJustScored(fresh);
    // The kept copy of today's quiz now carries its result too.
    void reload();
  }

  return (
    <View className="daily-page">
      {error && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      {result ? <DailyResultView result={result} /> : <Answering key={data.date} quiz={data} onResult={scored} onRefused={() => void reload()} />}
    </View>
  );
}

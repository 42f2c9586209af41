import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { Problem } from '../../../shared/ui/field';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { QuestionView } from '../../../shared/ui/question-view';
import { ReviewedAnswerCard } from '../../../shared/ui/reviewed-answer-card';
import { answerPractice, fetchNextPractice, type PracticeNext, type PracticeScope } from '../api/quiz-api';
import './quiz.scss';

// The server takes at most 4000 characters of ids already shown; a long sitting forgets its oldest.
const MAX_SEEN_CHARS = 3900;

function remember(seen: readonly string[], id: string): string[] {
  const next = [...seen, id];
  while (next.join(',').length > MAX_SEEN_CHARS) next.shift();
  return next;
}

const asMessage = (error: unknown) => (error instanceof ApiRequestError ? error.message : '加载失败，请重试');

function Finished({ scope, total, onAgain }: { scope: PracticeScope; total: number; onAgain: () => void }) {
  if (total === 0 && scope.wrongOnly) {
    return (
      <View className="practice-quiz__done">
        <EmptyBlock title="错题都练对了" description="答对的题已从错题本移出，继续保持！" />
        <Button type="primary" size="large" block onClick={() => void Taro.navigateBack().catch(() => undefined)}>
          返回
        </Button>
      </View>
    );
  }
  if (total === 0) return <EmptyBlock title="这一部分还没有题目" description="请换一编或一章练习" />;
  return (
    <View className="practice-quiz__done">
      {scope.wrongOnly ? (
        <EmptyBlock title={`这一轮练完了，还有 ${total} 道没有答对`} description="再练一遍，答对了就从错题本移出" />
      ) : (
        <EmptyBlock title={`这一部分的 ${total} 道题都练过了`} description="可以再练一遍，或换一编、一章" />
      )}
      <Button type="primary" size="large" block onClick={onAgain}>
        再练一遍
      </Button>
    </View>
  );
}

/** 专项练习: one question at a time from the chosen scope, the explanation and article right after each answer. */
export function PracticeQuiz(props: { scope: PracticeScope; title: string }) {
  // The scope is the page's address: it stays as it was when the page opened.
  const [scope] = useState(props.scope);
  const [seen, setSeen] = useState<string[]>([]);
  const [next, setNext] = useState<PracticeNext | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [reviewed, setReviewed] = useState<ReviewedAnswer | null>(null);
  const [answerProblem, setAnswerProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [answeredCount, setAnsweredCount] = useState(0);

  const load = useCallback(
    async (shown: string[]) => {
      setLoadProblem(null);
      setNext(null);
      try {
        setNext(await fetchNextPractice(scope, shown));
        setChosen([]);
        setReviewed(null);
        setAnswerProblem(null);
      } catch (error) {
        setLoadProblem(asMessage(error));
      }
    },
    [scope],
  );

  useEffect(() => {
    void load([]);
  }, [load]);

  async function answer(questionId: string) {
    setSending(true);
    setAnswerProblem(null);
    try {
      setReviewed(await answerPractice(questionId, chosen));
      setSeen((current) => remember(current, questionId));
      setAnsweredCount((count) => count + 1);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      setAnswerProblem(asMessage(error));
    } finally {
      setSending(false);
    }
  }

  function again() {
    setSeen([]);
    void load([]);
  }

  const heading = (
    <View className="practice-quiz__heading">
      <View className="practice-quiz__title">{scope.wrongOnly ? `错题练习 · ${props.title}` : props.title}</View>
      {next && next.question && (
        <View className="practice-quiz__count">
          本次已练 {answeredCount} 题 · 后面还有 {next.remaining} 题
        </View>
      )}
    </View>
  );

  if (loadProblem) return <ErrorBlock message={loadProblem} onRetry={() => void load(seen)} />;
  if (!next) return <LoadingBlock />;
  const { question } = next;
  if (!question) {
    return (
      <View className="practice-quiz">
        {heading}
        <Finished scope={scope} total={next.total} onAgain={again} />
      </View>
    );
  }

  return (
    <View className="practice-quiz">
      {heading}
      {reviewed ? (
        <>
          <ReviewedAnswerCard answer={reviewed} />
          <View className="practice-quiz__actions">
            <Button type="primary" size="large" block onClick={() => void load(seen)}>
              下一题
            </Button>
          </View>
        </>
      ) : (
        <>
          <QuestionView key={question.id} question={question} chosen={chosen} onChange={setChosen} disabled={sending} />
          <Problem message={answerProblem} />
          <View className="practice-quiz__actions">
            <Button
              type="primary"
              size="large"
              block
              loading={sending}
              disabled={sending || chosen.length === 0}
              onClick={() => void answer(question.id)}
            >
              {chosen.length === 0 ? '请先选择答案' : '提交答案'}
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

import { Button, CountDown, Dialog, Progress } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Attempt } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { QuestionView } from '../../../shared/ui/question-view';
import { contestApi } from '../api/contest-api';
import { deadlineOnPhone, forgetAttempt, keepAnswers, keepResult, keptAnswers, type ChosenAnswers } from '../attempt-store';
import './contest.scss';

type Phase = 'answering' | 'submitting' | 'refused';

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '没有交上去，请重试');

/** A refusal the server will repeat however often the paper is sent again: late, already in, not mine. */
const isFinalRefusal = (error: unknown) =>
  error instanceof ApiRequestError && error.kind === 'server' && error.status !== null && error.status >= 400 && error.status < 500;

function resultUrl(contestId: string, attemptId: string): string {
  return `${PAGES.contestResult}?id=${contestId}&attempt=${attemptId}`;
}

interface AnswerSheetProps {
  attempt: Attempt;
  chosen: ChosenAnswers;
  current: number;
  onJump: (index: number) => void;
}

/** Every question's number, answered ones marked: a tap goes to it. */
function AnswerSheet({ attempt, chosen, current, onJump }: AnswerSheetProps) {
  return (
    <View className="answer-sheet" aria-label="答题卡">
      {attempt.questions.map((question, index) => {
        const answered = (chosen[question.id] ?? []).length > 0;
        const classes = ['answer-sheet__cell', answered && 'answer-sheet__cell--answered', index === current && 'answer-sheet__cell--current'];
        return (
          <View
            key={question.id}
            className={classes.filter(Boolean).join(' ')}
            role="button"
            aria-label={`第 ${index + 1} 题${answered ? '（已答）' : '（未答）'}`}
            onClick={() => onJump(index)}
          >
            {index + 1}
          </View>
        );
      })}
    </View>
  );
}

/**
 * The paper, one question a screen, in the order the server drew it. The countdown runs to the server's
 * deadline; at zero the paper goes in by itself. Every choice is kept on the phone at once, so that a
 * closed app opens again where it was.
 */
export function ContestTake({ contestId, attemptId }: { contestId: string; attemptId: string }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ChosenAnswers>(() => keptAnswers(attemptId));
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<Phase>('answering');
  const [problem, setProblem] = useState<string | null>(null);
  const [timeUp, setTimeUp] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The countdown and a tap may both try to hand the paper in: only one submission is ever under way.
  const sending = useRef(false);
  const chosenNow = useRef(chosen);
  chosenNow.current = chosen;

  const load = useCallback(async () => {
    try {
      setAttempt(await contestApi.attempt(contestId, attemptId));
      setLoadProblem(null);
    } catch (error) {
      if (isFinalRefusal(error)) {
        // Handed in already, or not this person's: nothing here can be answered any more.
        forgetAttempt(attemptId);
        setProblem(messageOf(error));
        setPhase('refused');
      } else {
        setLoadProblem(messageOf(error));
      }
    }
  }, [contestId, attemptId]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = useCallback(async () => {
    if (!attempt || sending.current) return;
    sending.current = true;
    setPhase('submitting');
    setProblem(null);
    const answers = attempt.questions.map((question) => ({ questionId: question.id, chosen: chosenNow.current[question.id] ?? [] }));
    try {
      keepResult(await contestApi.submit(contestId, attemptId, answers));
      void Taro.redirectTo({ url: resultUrl(contestId, attemptId) });
    } catch (error) {
      setProblem(messageOf(error));
      if (isFinalRefusal(error)) {
        forgetAttempt(attemptId);
        setPhase('refused');
      } else {
        // The answers stay on the phone; sending again is safe, the server takes one submission only.
        sending.current = false;
        setPhase('answering');
      }
    }
  }, [attempt, contestId, attemptId]);

  // The countdown keeps the callback of the moment it started: it reaches the latest one through this.
  const submitNow = useRef(submit);
  submitNow.current = submit;

  // Computed once per paper: the time left to the server's deadline, on this phone's clock.
  const remainingMs = useMemo(() => (attempt ? deadlineOnPhone(attempt) - Date.now() : 0), [attempt]);
  useEffect(() => {
    if (attempt && remainingMs <= 0) {
      setTimeUp(true);
      void submitNow.current();
    }
  }, [attempt, remainingMs]);

  function choose(questionId: string, options: number[]) {
    const next = { ...chosen, [questionId]: options };
    setChosen(next);
    keepAnswers(attemptId, next);
  }

  if (phase === 'refused') {
    return (
      <View className="contest-take" role="alert">
        <View className="contest-take__refusal">{problem}</View>
        <Button type="primary" size="large" block onClick={() => void Taro.redirectTo({ url: `${PAGES.contestDetail}?id=${contestId}` })}>
          返回竞赛
        </Button>
      </View>
    );
  }

  if (!attempt) {
    if (loadProblem) return <ErrorBlock message={loadProblem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  const total = attempt.questions.length;
  const question = attempt.questions[index];
  const answeredCount = attempt.questions.filter((q) => (chosen[q.id] ?? []).length > 0).length;
  const unanswered = total - answeredCount;
  const busy = phase === 'submitting';

  return (
    <View className="contest-take">
      <View className="contest-take__bar">
        <View className="contest-take__clock" aria-label="剩余时间">
          <View className="contest-take__clock-label">剩余时间</View>
          {remainingMs > 0 ? (
            <CountDown
              remainingTime={remainingMs}
              format="mm:ss"
              destroy
              onEnd={() => {
                setTimeUp(true);
                void submitNow.current();
              }}
            />
          ) : (
            <View>00:00</View>
          )}
        </View>
        <View className="contest-take__progress">
          第 {index + 1}/{total} 题 · 已答 {answeredCount} 题
        </View>
      </View>
      <Progress percent={Math.round((answeredCount / total) * 100)} />

      {timeUp && (
        <View className="contest-take__time-up" role="status">
          时间到，{phase === 'submitting' ? '正在自动交卷…' : '答卷没有交上去，请点“交卷”重试'}
        </View>
      )}

      <QuestionView
        question={question}
        chosen={chosen[question.id] ?? []}
        disabled={busy || timeUp}
        onChange={(options) => choose(question.id, options)}
      />

      <View className="contest-take__nav">
        <Button size="large" fill="outline" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </Button>
        <Button size="large" fill="outline" disabled={index === total - 1} onClick={() => setIndex(index + 1)}>
          下一题
        </Button>
      </View>

      <AnswerSheet attempt={attempt} chosen={chosen} current={index} onJump={setIndex} />

      <Problem message={problem} />
      <Button
        className="contest-take__submit"
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={() => (timeUp ? void submit() : setConfirming(true))}
      >
        交卷
      </Button>

      <Dialog
        visible={confirming}
        title="交卷"
        content={unanswered > 0 ? `还有 ${unanswered} 题没有作答。交卷后不能再改，确定交卷吗？` : '交卷后不能再改，确定交卷吗？'}
        confirmText="确定交卷"
        cancelText="再检查一下"
        onConfirm={() => {
          setConfirming(false);
          void submit();
        }}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      />
    </View>
  );
}

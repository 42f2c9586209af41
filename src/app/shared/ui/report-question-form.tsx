import { Button, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { ReportQuestionSchema } from '@core/quiz/schemas';
import { ApiRequestError } from '../api/api-client';
import { reportQuestion } from '../api/report-question';
import { Problem } from './field';
import './report-question-form.scss';

const MAX_REASON = 500;

type State = 'closed' | 'writing' | 'sent';

/** 纠错: a resident tells the office what is wrong with one question. */
export function ReportQuestionForm({ questionId }: { questionId: string }) {
  const [state, setState] = useState<State>('closed');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    const checked = ReportQuestionSchema.safeParse({ reason });
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '请写明哪里有错');
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      await reportQuestion(questionId, checked.data.reason);
      setState('sent');
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '没有发送成功，请重试');
    } finally {
      setSending(false);
    }
  }

  if (state === 'sent') {
    return (
      <View className="report-question__thanks" role="status">
        谢谢您的指正！镇法治建设科会核对这道题。
      </View>
    );
  }
  if (state === 'closed') {
    return (
      <View className="report-question__open" role="button" onClick={() => setState('writing')}>
        题目有误？
      </View>
    );
  }
  return (
    <View className="report-question" aria-label="题目纠错">
      <View className="report-question__title">这道题哪里有错？</View>
      <TextArea
        className="report-question__reason"
        value={reason}
        placeholder="如：答案与法条不符、选项有错别字（至少 5 个字）"
        maxLength={MAX_REASON}
        showCount
        rows={3}
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      <Problem message={problem} />
      <View className="report-question__actions">
        <Button fill="outline" size="large" onClick={() => setState('closed')}>
          取消
        </Button>
        <Button type="primary" size="large" loading={sending} disabled={sending} onClick={() => void send()}>
          发送纠错
        </Button>
      </View>
    </View>
  );
}

import { Button, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { REPORT_STATUSES, ResolveReportSchema, type QuestionReportSchema } from '@core/quiz/schemas';
import type * as z from 'zod/mini';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { choiceLabel, optionLetter, placeLabel } from '../../../shared/format/quiz-labels';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { TextBox } from '../../../shared/ui/text-box';
import { quizOfficeApi, type ResolveReportBody } from '../api/quiz-office-api';
import { REPORT_STATUS_LABELS } from '../format';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

type QuestionReport = z.infer<typeof QuestionReportSchema>;
type ReportStatus = (typeof REPORT_STATUSES)[number];
type Resolution = ResolveReportBody['resolution'];

const RESOLUTIONS: { value: Resolution; label: string }[] = [
  { value: 'fixed', label: '已修改题目' },
  { value: 'retired', label: '停用这道题' },
  { value: 'dismissed', label: '题目无误，不予采纳' },
];

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '操作没有成功，请重试');
const openQuestion = (id: string) => void Taro.navigateTo({ url: `${PAGES.staffQuestion}?id=${id}` });

/** The resolution of one open report, with a note for the record. */
function ResolveForm({ report, onResolved }: { report: QuestionReport; onResolved: () => void }) {
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function resolve() {
    const checked = ResolveReportSchema.safeParse({ resolution: resolution || undefined, note: note.trim() || null });
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '请选择处理结果');
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      await quizOfficeApi.resolveReport(report.id, checked.data);
      Taro.showToast({ title: '已处理', icon: 'success' });
      onResolved();
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(messageOf(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="report-card__resolve" aria-label="处理">
      <Radio.Group value={resolution} direction="horizontal" shape="button" onChange={(value) => setResolution(value as Resolution)}>
        {RESOLUTIONS.map((choice) => (
          <Radio key={choice.value} value={choice.value} shape="button">
            {choice.label}
          </Radio>
        ))}
      </Radio.Group>
      <TextBox label="处理说明（可不填）" value={note} onChange={setNote} maxLength={300} />
      <Problem message={problem} />
      <Button type="primary" loading={sending} disabled={sending} onClick={() => void resolve()}>
        提交处理
      </Button>
    </View>
  );
}

function ReportCard({ report, onResolved }: { report: QuestionReport; onResolved: () => void }) {
  const { question } = report;
  return (
    <View className="office-card report-card" role="listitem" aria-label={`纠错 ${question.id}`}>
      <View className="quiz-office__row-head">
        <View className="quiz-office__id item-line__link" onClick={() => openQuestion(question.id)}>
          {question.id}
        </View>
        <View className="quiz-office__meta">{placeLabel(question.law, question.book)}</View>
        {question.retired && <View className="quiz-office__meta">（已停用）</View>}
      </View>
      <View className="quiz-office__stem">{question.stem}</View>
      {question.type !== 'true_false' && (
        <View className="quiz-office__meta">选项：{question.options.map((option, index) => `${optionLetter(index)}. ${option}`).join('  ')}</View>
      )}
      <View className="quiz-office__meta">答案：{choiceLabel(question, question.answer)}</View>
      <View className="quiz-office__meta">解析：{question.explanation}</View>
      <View className="report-card__reason">
        <View className="report-card__label">居民说：</View>
        {report.reason}
      </View>
      <View className="quiz-office__meta">提交于 {dateTimeLabel(report.reportedAt)}</View>
      {report.status === 'open' ? (
        <>
          <Button size="small" fill="outline" onClick={() => openQuestion(question.id)}>
            修改这道题
          </Button>
          <ResolveForm report={report} onResolved={onResolved} />
        </>
      ) : (
        <View className="report-card__resolved">
          {REPORT_STATUS_LABELS[report.status]}
          {report.resolvedBy && ` · ${report.resolvedBy}`}
          {report.resolvedAt && ` · ${dateTimeLabel(report.resolvedAt)}`}
          {report.note && <View>说明：{report.note}</View>}
        </View>
      )}
    </View>
  );
}

/** 纠错: what residents said was wrong with a question, to fix the question, retire it, or dismiss the report. */
export function ReportQueue() {
  const [status, setStatus] = useState<ReportStatus>('open');
  const [reports, setReports] = useState<QuestionReport[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latestLoad.current;
    try {
      const answer = await quizOfficeApi.reports(status);
      if (ticket !== latestLoad.current) return;
      setReports(answer);
      setProblem(null);
    } catch (error) {
      if (ticket === latestLoad.current && !backToSignInIfNeeded(error)) setProblem(messageOf(error));
    }
  }, [status]);

  useEffect(() => {
    setReports(null);
    void load();
  }, [load]);

  // Back from editing the question, the queue is read again.
  useReloadOnReturn(load);

  return (
    <View className="office-page">
      <OfficeLinks current="reports" />
      <View className="office-page__title">题目纠错</View>
      <View className="quiz-filters" aria-label="状态">
        <Radio.Group value={status} direction="horizontal" shape="button" onChange={(value) => setStatus(value as ReportStatus)}>
          {REPORT_STATUSES.map((s) => (
            <Radio key={s} value={s} shape="button">
              {REPORT_STATUS_LABELS[s]}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
      {!problem && !reports && <LoadingBlock />}
      {reports && (
        <>
          <View className="office-page__count" role="status">
            {REPORT_STATUS_LABELS[status]} {reports.length} 条
          </View>
          {reports.length === 0 ? (
            <EmptyBlock title={status === 'open' ? '没有待处理的纠错' : '没有这类纠错'} />
          ) : (
            <View role="list" aria-label="纠错列表">
              {reports.map((report) => (
                <ReportCard key={report.id} report={report} onResolved={() => void load()} />
              ))}
            </View>
          )}
        </>
      )}
    </View>
  );
}

import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { SessionSummary } from '@core/feedback/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { PAGES } from '../../../shared/pages';
import { ShareButton } from '../../../shared/share/share-button';
import { useShareCard } from '../../../shared/share/use-share-card';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { SessionSummaryCard } from '../../../shared/ui/session-summary-card';
import { fetchSessionSummary } from '../api/feedback-api';
import { summaryTitle } from '../format';
import './session-summary-view.scss';

/** The public summary of one session, readable by anyone, made to be shared into WeChat groups. */
export function SessionSummaryView({ stationId, date }: { stationId: string; date: string }) {
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setSummary(await fetchSessionSummary(stationId, date));
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [stationId, date]);

  useEffect(() => {
    void load();
  }, [load]);

  // The page's config enables sharing; the card opens this same summary.
  const { path } = useShareCard({
    title: summary ? summaryTitle(summary.date) : '接待日小结',
    page: PAGES.sessionSummary,
    query: { station: stationId, date },
  });

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!summary) return <LoadingBlock />;

  return (
    <View className="public-summary">
      <View className="public-summary__head">
        <View className="public-summary__title">{summaryTitle(summary.date)}</View>
        <View>
          {summary.stationName} · {sessionDayLabel(summary.date)}
        </View>
      </View>
      <SessionSummaryCard summary={summary} />
      <View className="public-summary__share">
        <ShareButton path={path} />
      </View>
    </View>
  );
}

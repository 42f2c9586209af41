import { Button } from '@nutui/nutui-react-taro';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { SessionSummary } from '@core/feedback/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { PAGES } from '../../../shared/pages';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { SessionSummaryCard } from '../../../shared/ui/session-summary-card';
import { fetchSessionSummary } from '../api/feedback-api';
import { summaryTitle } from '../format';
import './session-summary-view.scss';

/** A browser has no share sheet: the link is copied for pasting into a group chat instead. */
function copyLink() {
  void Taro.setClipboardData({ data: window.location.href }).catch(() =>
    Taro.showToast({ title: '复制没有成功，请从地址栏复制', icon: 'none' }),
  );
}

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
  useShareAppMessage(() => ({
    title: summary ? summaryTitle(summary.date) : '接待日小结',
    path: `${PAGES.sessionSummary}?station=${encodeURIComponent(stationId)}&date=${date}`,
  }));

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
        {process.env.TARO_ENV === 'weapp' ? (
          <Button type="primary" size="large" block openType="share">
            分享到微信群
          </Button>
        ) : (
          <Button type="primary" size="large" block onClick={copyLink}>
            复制链接，分享给居民
          </Button>
        )}
      </View>
    </View>
  );
}

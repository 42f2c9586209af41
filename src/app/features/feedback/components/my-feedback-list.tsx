import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { FEEDBACK_KIND_LABELS, MyFeedbackListSchema, type MyFeedbackSummary } from '@core/feedback/schemas';
import { sessionLabel } from '../../../shared/format/session-label';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { EmptyBlock, ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { fetchMyFeedback } from '../api/feedback-api';
import { instantLabel } from '../format';
import { feedbackOutbox } from '../pending-submissions';
import { PendingSubmissionList } from './pending-submission-list';
import { StatusTag } from './status-tag';
import './my-feedback.scss';

function readListCache(stored: unknown): MyFeedbackSummary[] | null {
  const parsed = MyFeedbackListSchema.shape.items.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

function FeedbackRow({ item }: { item: MyFeedbackSummary }) {
  const awaitingRating = item.status === 'replied' && !item.rated;
  return (
    <Cell
      className="my-feedback-row"
      clickable
      onClick={() => void Taro.navigateTo({ url: `${PAGES.feedbackDetail}?id=${item.id}` })}
      title={
        <View className="my-feedback-row__title">
          <StatusTag status={item.status} />
          <View className="my-feedback-row__kind">
            {FEEDBACK_KIND_LABELS[item.kind]} · {item.categoryName}
          </View>
          {item.anonymous && (
            <Tag type="default" plain>
              匿名
            </Tag>
          )}
        </View>
      }
      description={
        <View className="my-feedback-row__detail">
          <View className="my-feedback-row__excerpt">{item.excerpt}</View>
          <View>提交于 {instantLabel(item.submittedAt)}</View>
          <View>{sessionLabel(item.session)}</View>
          {awaitingRating && <View className="my-feedback-row__rate">已答复，请看看答复并评价</View>}
        </View>
      }
    />
  );
}

/** 我的反馈: what this resident has sent, with its progress, and what is still waiting on the phone. */
export function MyFeedbackList() {
  const { data, error, loading, reload } = useCachedQuery<MyFeedbackSummary[]>({
    cacheKey: 'feedback.mine',
    load: fetchMyFeedback,
    readCache: readListCache,
  });
  const pending = feedbackOutbox.usePending();
  // Back from an item (after rating it, say), the list is fetched again.
  useReloadOnReturn(reload);
  // One that was waiting on the phone has gone: it now belongs in the list.
  const waitingCount = pending.length;
  const waitingBefore = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < waitingBefore.current) void reload();
    waitingBefore.current = waitingCount;
  }, [waitingCount, reload]);
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="my-feedback">
      <PendingSubmissionList entries={pending} />
      {error && data && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      {!data && loading && <LoadingBlock />}
      {!data && !loading && <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />}
      {data && data.length === 0 && pending.length === 0 && (
        <View className="my-feedback__empty">
          <EmptyBlock title="还没有反馈" description="对行政执法有意见或建议，可以在“监督”页写给我们" />
          <Button type="primary" size="large" block onClick={() => void Taro.switchTab({ url: PAGES.feedback })}>
            去写反馈
          </Button>
        </View>
      )}
      {data && data.length > 0 && (
        <CellGroup title="已提交">
          {data.map((item) => (
            <FeedbackRow key={item.id} item={item} />
          ))}
        </CellGroup>
      )}
    </View>
  );
}

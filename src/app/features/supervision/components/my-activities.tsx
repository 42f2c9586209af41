import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { MyActivitiesSchema, type Activity } from '@core/supervision/schemas';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PendingList } from '../../../shared/outbox/pending-list';
import { PAGES } from '../../../shared/pages';
import { EmptyBlock, ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { fetchMyActivities } from '../api/supervision-api';
import { activityDateLabel } from '../format';
import { activityOutbox } from '../pending-activities';
import './my-activities.scss';

function readListCache(stored: unknown): Activity[] | null {
  const parsed = MyActivitiesSchema.shape.activities.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

function ActivityCard({ activity }: { activity: Activity }) {
  return (
    <View className="activity-card" aria-label={`${activityDateLabel(activity.date)} ${activity.unit}`}>
      <View className="activity-card__date">{activityDateLabel(activity.date)}</View>
      <View className="activity-card__unit">{activity.unit}</View>
      {activity.place && <View className="activity-card__note">地点：{activity.place}</View>}
      <View className="activity-card__observation">{activity.observation}</View>
    </View>
  );
}

/** 执法活动记录: the enforcement actions this supervisor logged, newest first, and what still waits on the phone. */
export function MyActivities() {
  const { data, error, loading, reload } = useCachedQuery<Activity[]>({
    cacheKey: 'supervision.mine',
    load: fetchMyActivities,
    readCache: readListCache,
  });
  const pending = activityOutbox.usePending();
  // Back from the form, the list is fetched again.
  useReloadOnReturn(reload);
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });
  // Opening the log is a moment the network may be back: what an earlier visit kept goes now.
  useEffect(() => {
    void activityOutbox.sendWaiting();
  }, []);
  // One that was waiting on the phone has gone: it now belongs in the list.
  const waitingCount = pending.length;
  const waitingBefore = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < waitingBefore.current) void reload();
    waitingBefore.current = waitingCount;
  }, [waitingCount, reload]);

  return (
    <View className="my-activities">
      <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: PAGES.supervisionLog })}>
        记录一次执法活动
      </Button>
      <PendingList
        what="记录"
        entries={pending}
        outbox={activityOutbox}
        head={(entry) => activityDateLabel(entry.body.date)}
        details={({ body }) => (
          <>
            <View className="activity-card__unit">{body.unit}</View>
            <View className="pending-card__excerpt">{body.observation}</View>
          </>
        )}
      />
      {error && data && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      {!data && loading && <LoadingBlock />}
      {!data && !loading && <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />}
      {data && data.length === 0 && pending.length === 0 && (
        <EmptyBlock title="还没有记录" description="现场参加执法活动后，点上面的按钮记下日期、执法单位和观察到的情况" />
      )}
      {data && data.length > 0 && (
        <View className="my-activities__group" aria-label="已记录">
          <View className="my-activities__title">已记录（{data.length}）</View>
          {data.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} />
          ))}
        </View>
      )}
    </View>
  );
}

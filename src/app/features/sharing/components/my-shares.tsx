import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { MyShares as MySharesData } from '@core/sharing/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchMyShares } from '../api/sharing-api';
import { SHARE_KIND_LABELS } from '../format';
import './sharing.scss';

/** 我的分享: what a grid worker's cards brought, item by item — opens, sign-ups and quiz takers. */
export function MyShares() {
  const [shares, setShares] = useState<MySharesData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setShares(await fetchMyShares());
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
  if (!shares) return <LoadingBlock />;

  return (
    <View className="my-shares">
      <View className="my-shares__who">
        <View className="my-shares__grid">{shares.gridName}</View>
        <View className="my-shares__code">我的分享码 {shares.sharerCode}</View>
      </View>
      {shares.items.length === 0 ? (
        <EmptyBlock title="还没有人通过您的分享打开" description="在活动、接待日、每日一练页面点右上角“…”转发到微信群" />
      ) : (
        <View className="share-table" aria-label="我的分享效果">
          <View className="share-table__row share-table__row--head">
            <View>内容</View>
            <View>打开</View>
            <View>报名</View>
            <View>答题</View>
          </View>
          {shares.items.map((item) => (
            <View key={`${item.kind}:${item.itemId}`} className="share-table__row" role="listitem" aria-label={item.title}>
              <View>
                <View className="share-table__kind">{SHARE_KIND_LABELS[item.kind]}</View>
                <View>{item.title}</View>
              </View>
              <View>{item.opens}</View>
              <View>{item.signUps}</View>
              <View>{item.quizTakers}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

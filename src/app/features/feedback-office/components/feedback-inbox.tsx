import { Pagination } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffFeedbackSummary } from '@core/feedback/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { officeApi } from '../api/office-api';
import { FeedbackRow } from './feedback-row';
import { InboxFiltersBar } from './inbox-filters';
import { storedInboxQuery, storeInboxQuery, type InboxFilters } from './inbox-query';
import './feedback-office.scss';

interface InboxPage {
  items: StaffFeedbackSummary[];
  total: number;
  pageSize: number;
}

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '加载失败，请重试');

/** 反馈收件箱: every item the office has, filtered and paged, newest first. */
export function FeedbackInbox() {
  const [{ filters, page }, setQuery] = useState(storedInboxQuery);
  const [result, setResult] = useState<InboxPage | null>(null);
  const [categories, setCategories] = useState<{ id: string; name: string }[]>([]);
  const [stations, setStations] = useState<{ id: string; name: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    // A quick run of filter taps: only the answer to the last one is shown.
    const ticket = ++latestLoad.current;
    try {
      const answer = await officeApi.inbox({ ...filters, page });
      if (ticket !== latestLoad.current) return;
      setResult(answer);
      setCategories(answer.categories);
      setProblem(null);
    } catch (error) {
      if (ticket === latestLoad.current && !backToSignInIfNeeded(error)) setProblem(messageOf(error));
    }
  }, [filters, page]);

  useEffect(() => {
    storeInboxQuery(filters, page);
    void load();
  }, [filters, page, load]);

  useEffect(() => {
    officeApi
      .stations()
      .then(({ stations: all }) => setStations(all))
      .catch(() => setStations([]));
  }, []);

  // Back from an item, the list shows what was just done to it.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load();
    shownBefore.current = true;
  });

  const changeFilters = (next: InboxFilters) => setQuery({ filters: next, page: 1 });

  return (
    <View className="office-page">
      <OfficeLinks current="inbox" />
      <View className="office-page__title">反馈收件箱</View>
      <InboxFiltersBar filters={filters} onChange={changeFilters} stations={stations} categories={categories} />
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
      {!problem && !result && <LoadingBlock />}
      {result && (
        <>
          <View className="office-page__count" role="status">
            共 {result.total} 条
          </View>
          {result.items.length === 0 ? (
            <EmptyBlock title="没有符合条件的反馈" description="换个筛选条件试试" />
          ) : (
            <View role="list" aria-label="反馈列表">
              {result.items.map((item) => (
                <FeedbackRow key={item.id} item={item} onOpen={(id) => void Taro.navigateTo({ url: `${PAGES.staffItem}?id=${id}` })} />
              ))}
            </View>
          )}
          {result.total > result.pageSize && (
            <Pagination
              className="office-page__pager"
              value={page}
              total={result.total}
              pageSize={result.pageSize}
              itemSize={5}
              onChange={(next) => setQuery({ filters, page: next })}
            />
          )}
        </>
      )}
    </View>
  );
}

import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { PAGES } from '../../../shared/pages';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { Pager } from '../../../shared/ui/pager';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { officeApi } from '../api/office-api';
import { FeedbackRow } from './feedback-row';
import { InboxFiltersBar } from './inbox-filters';
import { storedInboxQuery, storeInboxQuery, type InboxFilters } from './inbox-query';
import '../../../shared/ui/office-page.scss';
import './feedback-office.scss';

/** 反馈收件箱: every item the office has, filtered and paged, newest first. */
export function FeedbackInbox() {
  const [{ filters, page }, setQuery] = useState(storedInboxQuery);
  const [stations, setStations] = useState<{ id: string; name: string }[]>([]);
  const loadPage = useCallback(() => officeApi.inbox({ ...filters, page }), [filters, page]);
  // Read again back from an item, so that the list shows what was just done to it.
  const { data: result, problem, reload } = useStaffQuery(loadPage);
  const categories = result?.categories ?? [];

  useEffect(() => storeInboxQuery(filters, page), [filters, page]);

  useEffect(() => {
    officeApi
      .stations()
      .then(({ stations: all }) => setStations(all))
      .catch(() => setStations([]));
  }, []);

  const changeFilters = (next: InboxFilters) => setQuery({ filters: next, page: 1 });

  return (
    <View className="office-page">
      <OfficeLinks current="inbox" />
      <View className="office-page__title">反馈收件箱</View>
      <InboxFiltersBar filters={filters} onChange={changeFilters} stations={stations} categories={categories} />
      {problem && <ErrorBlock message={problem} onRetry={() => void reload()} />}
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
          <Pager page={page} total={result.total} pageSize={result.pageSize} onChange={(next) => setQuery({ filters, page: next })} />
        </>
      )}
    </View>
  );
}

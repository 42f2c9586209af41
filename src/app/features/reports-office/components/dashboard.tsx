import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { reportsOfficeApi } from '../api/reports-office-api';
import { useCommunities } from '../hooks/use-communities';
import { useReportQuery } from '../hooks/use-report-query';
import { DashboardSections } from './dashboard-sections';
import { ReportFiltersBar } from './report-filters';
import '../../../shared/ui/office-page.scss';
import './reports-office.scss';

/** 数据工作台: the office's figures for a period and a community, asked again whenever either changes. */
export function Dashboard() {
  const state = useReportQuery();
  const { query } = state;
  const communities = useCommunities();
  const load = useCallback(() => reportsOfficeApi.dashboard(query), [query]);
  const { data, problem, reload } = useStaffQuery(load);
  // The last figures stay on screen while the next ones load; say so rather than pass them off as the new ones.
  const updating = data !== null && (data.period.from !== query.from || data.period.to !== query.to || (data.community?.id ?? undefined) !== query.community);

  return (
    <View className="office-page">
      <View className="office-page__title">数据工作台</View>
      <ReportFiltersBar state={state} communities={communities} />
      {problem && !data && <ErrorBlock message={problem} onRetry={() => void reload()} />}
      {!problem && !data && <LoadingBlock />}
      {data && (
        <>
          <Problem message={problem} />
          {updating && !problem && <View className="reports-office__updating">正在更新……</View>}
          <DashboardSections dashboard={data} />
        </>
      )}
      <OfficeLinks current="dashboard" />
    </View>
  );
}

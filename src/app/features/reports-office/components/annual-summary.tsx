import { Button, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { shanghaiYearOf } from '@core/reports/period';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { useStaffQuery } from '../../../shared/hooks/use-staff-query';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { downloadAnnualSummary, reportsOfficeApi } from '../api/reports-office-api';
import '../../../shared/ui/office-page.scss';
import './reports-office.scss';

/** How many years back the picker offers: the reports of the years the office still writes about. */
const YEARS_OFFERED = 5;

/** 年度汇总: a year's figures written as the town's rule-of-law report writes them, and the workbook behind them. */
export function AnnualSummary() {
  const [thisYear] = useState(() => shanghaiYearOf(new Date()));
  const [year, setYear] = useState(thisYear);
  const load = useCallback(() => reportsOfficeApi.annual(year), [year]);
  const { data, problem, reload } = useStaffQuery(load);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const years = Array.from({ length: YEARS_OFFERED }, (_, index) => thisYear - index);

  async function download() {
    setExportProblem(null);
    setExporting(true);
    const outcome = await downloadAnnualSummary(year);
    setExporting(false);
    if (outcome.ok) return;
    if (outcome.signInNeeded) backToSignInIfNeeded(new ApiRequestError('server', 401, outcome.message, 'SIGN_IN_REQUIRED'));
    else setExportProblem(outcome.message);
  }

  const shown = data?.year === year ? data : null;

  return (
    <View className="office-page annual-summary">
      <View className="office-page__title">年度汇总</View>
      <View className="office-card report-filters">
        <View className="report-filters__row" aria-label="年份">
          <View className="report-filters__label">年份</View>
          <Radio.Group value={year} direction="horizontal" shape="button" onChange={(chosen) => setYear(Number(chosen))}>
            {years.map((offered) => (
              <Radio key={offered} value={offered} shape="button">
                {offered}年
              </Radio>
            ))}
          </Radio.Group>
        </View>
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void reload()} />}
      {!problem && !shown && <LoadingBlock />}
      {!problem && shown && (
        <>
          <View className="office-page__section">
            {shown.town}{shown.year}年法治建设工作数据
          </View>
          <View className="annual-summary__text" aria-label="报告写法">
            {shown.text}
          </View>
          <View className="office-page__section">各项数字</View>
          <View role="list" aria-label="各项数字">
            {shown.figures.map((figure) => (
              <View key={figure.key} className="annual-summary__figure" role="listitem" aria-label={figure.label}>
                <View>{figure.label}</View>
                <View>
                  {figure.value} {figure.unit}
                </View>
              </View>
            ))}
          </View>
          <View className="reports-office__actions">
            <Button type="primary" loading={exporting} disabled={exporting} onClick={() => void download()}>
              导出 Excel
            </Button>
          </View>
          <Problem message={exportProblem} />
          <View className="reports-office__note">
            表格第一页为汇总；其后每个数字一页，列出它背后的每条记录，已去掉个人信息，便于核对。
          </View>
        </>
      )}
      <OfficeLinks current="annual" />
    </View>
  );
}

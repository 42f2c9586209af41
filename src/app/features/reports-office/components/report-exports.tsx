import { Button, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { ExportFormat } from '@core/reports/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { downloadExport, EXPORT_DATASET_LABELS, EXPORT_DATASETS, type ExportDataset } from '../api/reports-office-api';
import { useCommunities } from '../hooks/use-communities';
import { useReportQuery } from '../hooks/use-report-query';
import { ReportFiltersBar } from './report-filters';
import '../../../shared/ui/office-page.scss';
import './reports-office.scss';

const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel', csv: 'CSV' };
// WeChat opens a downloaded .xlsx on the phone but has nothing to open a .csv with.
const FORMATS: readonly ExportFormat[] = process.env.TARO_ENV === 'weapp' ? ['xlsx'] : ['xlsx', 'csv'];

/** 导出数据: one of the office's lists for a period and a community, as a workbook or CSV. */
export function ReportExports() {
  const state = useReportQuery();
  const communities = useCommunities();
  const [dataset, setDataset] = useState<ExportDataset>('feedback');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  async function download() {
    setProblem(null);
    setExporting(true);
    const { from, to, community } = state.query;
    const outcome = await downloadExport(dataset, { from, to, community, format });
    setExporting(false);
    if (outcome.ok) return;
    if (outcome.signInNeeded) backToSignInIfNeeded(new ApiRequestError('server', 401, outcome.message, 'SIGN_IN_REQUIRED'));
    else setProblem(outcome.message);
  }

  return (
    <View className="office-page">
      <View className="office-page__title">导出数据</View>
      <ReportFiltersBar state={state} communities={communities} />
      <View className="office-card report-filters">
        <View className="report-filters__row" aria-label="数据">
          <View className="report-filters__label">数据</View>
          <Radio.Group value={dataset} direction="horizontal" shape="button" onChange={(chosen) => setDataset(chosen as ExportDataset)}>
            {EXPORT_DATASETS.map((key) => (
              <Radio key={key} value={key} shape="button">
                {EXPORT_DATASET_LABELS[key]}
              </Radio>
            ))}
          </Radio.Group>
        </View>
        <View className="report-filters__row" aria-label="格式">
          <View className="report-filters__label">格式</View>
          <Radio.Group value={format} direction="horizontal" shape="button" onChange={(chosen) => setFormat(chosen as ExportFormat)}>
            {FORMATS.map((key) => (
              <Radio key={key} value={key} shape="button">
                {FORMAT_LABELS[key]}
              </Radio>
            ))}
          </Radio.Group>
        </View>
      </View>
      <View className="reports-office__note">匿名反馈不含提交人信息，手机号只导出打码后的（如 138****5678）。</View>
      {FORMATS.length === 1 && <View className="reports-office__note">CSV 请在电脑浏览器中打开本页导出。</View>}
      <View className="reports-office__actions">
        {/* A period the schema refused is not the one on screen: nothing is exported until it is put right. */}
        <Button type="primary" size="large" loading={exporting} disabled={exporting || state.problem !== null} onClick={() => void download()}>
          导出
        </Button>
      </View>
      <Problem message={problem} />
      <OfficeLinks current="exports" />
    </View>
  );
}

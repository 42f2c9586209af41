import { eventsContract } from '@core/events/contract';
import { reportsContract } from '@core/reports/contract';
import type { ReportPeriod } from '@core/reports/period';
import type { ExportQuery, ReportQuery } from '@core/reports/schemas';
import { supervisionContract } from '@core/supervision/contract';
import { apiUrl, callApi } from '../../../shared/api/api-client';
import { callAsStaff } from '../../../shared/api/auth-session';
import { downloadStaffFile, type DownloadOutcome } from '../../../shared/api/staff-file';

/** The office's figures: every call is made as the signed-in staff member. */
export const reportsOfficeApi = {
  dashboard: (query: ReportQuery) => callAsStaff(reportsContract.dashboard, { query }),
  annual: (year: number) => callAsStaff(reportsContract.annualSummary, { query: { year } }),
  /** The enforcement activities supervisors logged in a period, newest first, with who logged each. */
  supervisionActivities: async (period: ReportPeriod) =>
    (await callAsStaff(supervisionContract.staffActivities, { query: period })).activities,
  /** The town's communities, for the choice of one (the public events list carries them). */
  communities: async () => (await callApi(eventsContract.list)).communities,
};

export const EXPORT_DATASETS = ['feedback', 'signUps', 'quizResults'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_DATASET_LABELS: Record<ExportDataset, string> = {
  feedback: '反馈',
  signUps: '活动报名',
  quizResults: '答题成绩',
};

const EXPORT_CONTRACTS = {
  feedback: reportsContract.exportFeedback,
  signUps: reportsContract.exportSignUps,
  quizResults: reportsContract.exportQuizResults,
} as const;

/** Saved under the name the server gives it, e.g. 反馈-2026-01-01至2026-11-26-朝天咀社区.csv. */
export function downloadExport(dataset: ExportDataset, query: ExportQuery): Promise<DownloadOutcome> {
  return downloadStaffFile(apiUrl(EXPORT_CONTRACTS[dataset], { query }), '数据');
}

export function downloadAnnualSummary(year: number): Promise<DownloadOutcome> {
  return downloadStaffFile(apiUrl(reportsContract.annualSummaryFile, { query: { year } }), '汇总表');
}

import type { ShareKind } from '@core/sharing/schemas';

export const SHARE_KIND_LABELS: Record<ShareKind, string> = {
  event: '活动',
  session: '接待日',
  quiz: '每日一练',
  contest: '知识竞赛',
  summary: '接待日小结',
};

/** People reached per 100 residents, or why there is no rate. */
export function reachRateLabel(rate: number | null): string {
  return rate === null ? '未配置人口' : `${rate}%`;
}

import { useState } from 'react';
import type { ReportPeriod } from '@core/reports/period';
import { ReportQuerySchema, type ReportQuery } from '@core/reports/schemas';
import { shanghaiDateOf, type LocalDate } from '@core/shared/shanghai-time';
import { presetPeriod, type PeriodPreset } from '../period-presets';

export interface ReportFilters {
  preset: PeriodPreset;
  /** The days picked for 自定义. */
  custom: ReportPeriod;
  /** '' for the whole town. */
  community: string;
}

export interface ReportQueryState {
  /** Today in Shanghai, when the page opened. */
  today: LocalDate;
  filters: ReportFilters;
  /** The period and community in force: the last choice the schema accepted. */
  query: ReportQuery;
  /** Why the latest choice was not applied, in the schema's words. */
  problem: string | null;
  choosePreset: (preset: PeriodPreset) => void;
  changeCustom: (end: keyof ReportPeriod, date: LocalDate) => void;
  chooseCommunity: (community: string) => void;
}

const sameQuery = (a: ReportQuery, b: ReportQuery) => a.from === b.from && a.to === b.to && a.community === b.community;

/**
 * The period and community an office report is asked for. A choice is checked with the same schema the
 * server checks; one it refuses is explained and the figures on screen stay those of the last good choice.
 */
export function useReportQuery(): ReportQueryState {
  const [today] = useState(() => shanghaiDateOf(new Date()));
  const [filters, setFilters] = useState<ReportFilters>(() => ({ preset: 'year', custom: presetPeriod('year', today), community: '' }));
  const [query, setQuery] = useState<ReportQuery>(() => ({ ...presetPeriod('year', today), community: undefined }));
  const [problem, setProblem] = useState<string | null>(null);

  function apply(next: ReportFilters) {
    setFilters(next);
    const period = next.preset === 'custom' ? next.custom : presetPeriod(next.preset, today);
    const checked = ReportQuerySchema.safeParse({ ...period, community: next.community || undefined });
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '统计期间有误');
      return;
    }
    setProblem(null);
    // The same period and community again is not a new question for the server.
    setQuery((current) => (sameQuery(current, checked.data) ? current : checked.data));
  }

  return {
    today,
    filters,
    query,
    problem,
    // 自定义 starts from the period on screen, so the pickers open where the figures are.
    choosePreset: (preset) =>
      apply({ ...filters, preset, custom: preset === 'custom' ? { from: query.from, to: query.to } : filters.custom }),
    changeCustom: (end, date) => apply({ ...filters, custom: { ...filters.custom, [end]: date } }),
    chooseCommunity: (community) => apply({ ...filters, community }),
  };
}

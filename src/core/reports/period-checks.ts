import * as z from 'zod/mini';
import { daysBetween, isLocalDate } from '../shared/shanghai-time';

// Its own module so that a resident's page validating a date range (the supervisors' log) does not carry
// the dashboard's schemas into its subpackage.

/** Longest period one request may cover: a few years of figures side by side, never an unbounded scan. */
export const MAX_PERIOD_DAYS = 366 * 5;

interface PeriodInput {
  from: string;
  to: string;
}

/** The object's checks run even when a date failed its own: they judge only two real dates. */
const bothDates = (q: PeriodInput) => typeof q.from === 'string' && typeof q.to === 'string' && isLocalDate(q.from) && isLocalDate(q.to);

/** For an object with `from` and `to` days: in order, and at most MAX_PERIOD_DAYS apart. */
export const periodChecks = [
  z.refine<PeriodInput>((q) => !bothDates(q) || q.from <= q.to, { error: '结束日期不能早于开始日期', path: ['to'] }),
  z.refine<PeriodInput>((q) => !bothDates(q) || q.from > q.to || daysBetween(q.from, q.to) < MAX_PERIOD_DAYS, {
    error: '统计区间最长五年',
    path: ['to'],
  }),
];


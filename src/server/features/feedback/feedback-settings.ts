import { yearsWithoutHolidays, type WorkCalendar } from '@core/feedback/reply-deadline';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';

export interface FeedbackSettings {
  /** A reply is due this many working days after the day of submission. */
  replyWorkingDays: number;
  calendar: WorkCalendar;
}

/** The town's feedback settings as seeded from its configuration (refreshed on every start). */
export async function loadFeedbackSettings(db: Database): Promise<FeedbackSettings> {
  const [town, days] = await Promise.all([
    db.selectFrom('town').select('replyWorkingDays').where('id', '=', 1).executeTakeFirstOrThrow(),
    db.selectFrom('workCalendarDay').select(['date', 'kind']).execute(),
  ]);
  return {
    replyWorkingDays: Number(town.replyWorkingDays),
    calendar: {
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
    },
  };
}

/**
 * What to tell the office at start when the work calendar lacks this year's or next year's holiday
 * arrangement (reply deadlines would then skip only weekends); null when both are there.
 */
export async function workCalendarWarning(db: Database, now: Date): Promise<string | null> {
  const { calendar } = await loadFeedbackSettings(db);
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  const missing = yearsWithoutHolidays(calendar, [year, year + 1]);
  if (missing.length === 0) return null;
  return (
    `注意：town.json 的工作日历（feedback.workCalendar）没有 ${missing.join('、')} 年的节假日安排，` +
    '这些年份的答复期限只会跳过周末。请按国务院办公厅公布的放假安排补上后重新启动。'
  );
}

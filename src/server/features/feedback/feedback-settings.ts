import type { WorkCalendar } from '@core/feedback/reply-deadline';
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

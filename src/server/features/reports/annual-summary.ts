import type { ExpressionBuilder } from 'kysely';
import { yearPeriod } from '@core/reports/period';
import { ANNUAL_FIGURE_KEYS, type AnnualFigure, type AnnualFigureKey, type AnnualSummary } from '@core/reports/schemas';
import type { Database, DatabaseSchema } from '../../db/schema';
import {
  activitiesInScope,
  attendanceOf,
  checkedInPeople,
  feedbackInScope,
  hasReply,
  heldEvents,
  scopeOf,
  scoredAttempts,
  sessionsClosedInScope,
  submittedDailies,
  type Scope,
} from './scope';

/** How the town's rule-of-law report words each figure, and its measure word. */
export const ANNUAL_FIGURE_LABELS: Record<AnnualFigureKey, { label: string; unit: string }> = {
  sessions: { label: '开展驿站接待日', unit: '次' },
  opinions: { label: '现场搜集监督意见', unit: '条' },
  responses: { label: '回应', unit: '条' },
  assessed: { label: '研判事项', unit: '项' },
  supervisorActivities: { label: '组织行政执法监督员现场参加执法活动', unit: '次' },
  events: { label: '开展法治宣传活动', unit: '场' },
  eventAttendance: { label: '活动受众', unit: '人次' },
  quizAttempts: { label: '参与答题', unit: '人次' },
};

async function figureValues(db: Database, scope: Scope, now: Date): Promise<Record<AnnualFigureKey, number>> {
  const countAll = (eb: ExpressionBuilder<DatabaseSchema, keyof DatabaseSchema>) => eb.fn.countAll<number | string>().as('n');
  const [sessions, feedback, responses, supervisorActivities, held, contestAttempts, dailies] = await Promise.all([
    sessionsClosedInScope(db, scope).select(countAll).executeTakeFirstOrThrow(),
    feedbackInScope(db, scope)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('opinions'),
        eb.fn.count<number | string>(eb.case().when('feedbackItem.flagged', '=', 1).then(1).end()).as('assessed'),
      ])
      .executeTakeFirstOrThrow(),
    // In WHERE, PostgreSQL makes the reply check one hash semi-join; inside a CASE it probes per item.
    feedbackInScope(db, scope).where(hasReply).select(countAll).executeTakeFirstOrThrow(),
    activitiesInScope(db, scope).select(countAll).executeTakeFirstOrThrow(),
    heldEvents(db, scope, now).select((eb) => ['event.attendance', checkedInPeople(eb).as('checkedIn')]).execute(),
    scoredAttempts(db, scope).select(countAll).executeTakeFirstOrThrow(),
    submittedDailies(db, scope).select(countAll).executeTakeFirstOrThrow(),
  ]);
  return {
    sessions: Number(sessions.n),
    opinions: Number(feedback.opinions),
    responses: Number(responses.n),
    assessed: Number(feedback.assessed),
    supervisorActivities: Number(supervisorActivities.n),
    events: held.length,
    eventAttendance: held.reduce((sum, event) => sum + attendanceOf(event), 0),
    quizAttempts: Number(contestAttempts.n) + Number(dailies.n),
  };
}

/** The year's figures in the report's order, town-wide. */
export async function annualFigures(db: Database, year: number, now: Date): Promise<AnnualFigure[]> {
  const values = await figureValues(db, scopeOf(yearPeriod(year)), now);
  return ANNUAL_FIGURE_KEYS.map((key) => ({ key, ...ANNUAL_FIGURE_LABELS[key], value: values[key] }));
}

/**
 * The figures as the report's paragraph reads, each in the words of its label: 现场搜集监督意见 N 条、回应
 * N 条，…. The town and office come from the configuration.
 */
function reportParagraph(year: number, office: string, figures: readonly AnnualFigure[]): string {
  const figure = new Map(figures.map((f) => [f.key, `${f.label} ${f.value} ${f.unit}`]));
  const clause = (...keys: AnnualFigureKey[]) => keys.map((key) => figure.get(key)).join('、');
  return (
    `${year}年，${office}${clause('sessions')}，${clause('opinions', 'responses')}，${clause('assessed')}；` +
    `${clause('supervisorActivities')}；${clause('events', 'eventAttendance')}；${clause('quizAttempts')}。`
  );
}

async function townNames(db: Database): Promise<{ town: string; office: string }> {
  const town = await db.selectFrom('town').select(['name', 'office']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { town: town.name, office: town.office };
}

export async function annualSummary(db: Database, year: number, now: Date): Promise<AnnualSummary> {
  const [names, figures] = await Promise.all([townNames(db), annualFigures(db, year, now)]);
  return { year, ...names, figures, text: reportParagraph(year, names.office, figures) };
}

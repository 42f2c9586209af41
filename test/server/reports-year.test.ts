import { FEEDBACK_KINDS } from '../../src/core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS } from '../../src/core/feedback/workflow';
import type { Dashboard } from '../../src/core/reports/schemas';
import { hoursBetween, median, percentile, roundTo1 } from '../../src/core/reports/statistics';
import { shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import { figureSheets } from '../../src/server/features/exports/annual-file';
import { apiCaller, signInStaff } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedYear, type YearLedger } from '../support/year-data';

// A generated year of the town's activity (test/support/year-data.ts) against the figures the office
// and the public read (issue 8): the generator counts what it made in JS, the server counts the rows
// in SQL, and the two must agree on both databases.

const now = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let ledger: YearLedger;
let office: string;
let figures: Dashboard;

/** The Shanghai month of an instant, worked out from its Shanghai day rather than as the server does. */
const monthOf = (instant: string) => shanghaiDateOf(new Date(instant)).slice(0, 7);
const inYear = (instant: string | null) => instant !== null && monthOf(instant).startsWith('2026-');
const countBy = <T>(values: readonly T[]) => {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};
const bars = (counts: { key: string; count: number }[]) => Object.fromEntries(counts.map((c) => [c.key, c.count]));

beforeAll(async () => {
  testApp = await createTestApp({ now: () => now });
  ledger = await seedYear(testApp.database.handle.db, { year: 2026, feedbackItems: 2_000, seed: 8, now });
  office = await signInStaff(testApp, { username: 'year.desk', displayName: '郑科员' }, now);
  const answer = await apiCaller(testApp)({ url: '/staff/dashboard?from=2026-01-01&to=2026-12-31', token: office });
  expect(answer.status).toBe(200);
  figures = answer.body;
}, 120_000);

afterAll(() => testApp.close());

test('feedback: totals by kind, category and status, replies, 研判 and what is overdue today', () => {
  const items = ledger.feedback.items.filter((item) => inYear(item.submittedAt));
  expect(items.length).toBeGreaterThan(1_000);
  expect(figures.feedback.total).toBe(items.length);
  const kinds = countBy(items.map((i) => i.kind));
  expect(bars(figures.feedback.byKind)).toEqual(Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, kinds.get(k) ?? 0])));
  const categories = countBy(items.map((i) => i.categoryId));
  expect(bars(figures.feedback.byCategory)).toEqual(Object.fromEntries(figures.feedback.byCategory.map((c) => [c.key, categories.get(c.key) ?? 0])));
  expect(figures.feedback.byCategory.reduce((sum, c) => sum + c.count, 0)).toBe(items.length);
  const statuses = countBy(items.map((i) => i.status));
  expect(bars(figures.feedback.byStatus)).toEqual(Object.fromEntries(Object.keys(FEEDBACK_STATUS_LABELS).map((s) => [s, statuses.get(s as never) ?? 0])));
  expect(figures.feedback.overdueNow).toBe(ledger.feedback.overdueNow);
  expect(figures.feedback.assessment.flagged).toBe(items.filter((i) => i.flagged).length);
  expect(figures.feedback.bySession.reduce((sum, s) => sum + s.items, 0)).toBe(items.length);
});

test('first reply: the same median and 90th percentile as the generator’s own reply times', () => {
  const hours = ledger.feedback.items
    .filter((item) => inYear(item.submittedAt) && item.firstReplyAt !== null)
    .map((item) => hoursBetween(item.submittedAt, item.firstReplyAt as string));
  expect(hours.length).toBeGreaterThan(100);
  expect(figures.feedback.firstReply).toEqual({
    replied: hours.length,
    medianHours: roundTo1(median(hours) as number),
    p90Hours: roundTo1(percentile(hours, 90) as number),
  });
  expect(figures.feedback.bySession.reduce((sum, s) => sum + s.replied, 0)).toBe(hours.length);
});

test('satisfaction over the ratings the items hold', () => {
  const ratings = ledger.feedback.items.filter((i) => inYear(i.submittedAt) && i.ratingStars !== null).map((i) => i.ratingStars as number);
  const satisfied = ratings.filter((stars) => stars >= 4).length;
  expect(figures.feedback.satisfaction).toEqual({
    rated: ratings.length,
    averageStars: roundTo1(ratings.reduce((a, b) => a + b, 0) / ratings.length),
    satisfied,
    satisfiedRate: roundTo1((satisfied * 100) / ratings.length),
    dissatisfied: ratings.filter((stars) => stars <= 2).length,
  });
});

test('supervisors, events and quizzes', () => {
  const items = ledger.feedback.items.filter((item) => inYear(item.submittedAt));
  expect(figures.supervision.opinions).toBe(items.filter((i) => i.kind === 'supervision').length);
  expect(figures.supervision.activities).toBe(ledger.activities.items.filter((a) => a.date.startsWith('2026-')).length);
  expect(figures.supervision.bySupervisor.reduce((sum, s) => sum + s.activities, 0)).toBe(figures.supervision.activities);
  expect(figures.supervision.bySupervisor.reduce((sum, s) => sum + s.opinions, 0)).toBe(figures.supervision.opinions);

  const held = ledger.events.items.filter((e) => e.held && inYear(e.startsAt));
  expect(figures.events).toMatchObject({
    held: ledger.events.held,
    cancelled: ledger.events.cancelled,
    attendance: ledger.events.attendance,
    signedUp: held.reduce((sum, e) => sum + e.signedUpPeople, 0),
    checkedIn: held.reduce((sum, e) => sum + e.checkedInPeople, 0),
  });
  expect(figures.events.byType.reduce((sum, t) => sum + t.events, 0)).toBe(ledger.events.held);
  expect(figures.events.byTheme.reduce((sum, t) => sum + t.attendance, 0)).toBe(ledger.events.attendance);

  const scored = ledger.quiz.attempts.filter((a) => a.score !== null && inYear(a.submittedAt));
  expect(figures.quiz.contests.attempts).toBe(scored.length);
  expect(figures.quiz.contests.takers).toBe(new Set(scored.map((a) => a.userId)).size);
  const daily = ledger.quiz.daily.filter((d) => inYear(d.submittedAt));
  expect(figures.quiz.daily).toMatchObject({ attempts: daily.length, takers: new Set(daily.map((d) => d.userId)).size });
  expect(figures.quiz.byCommunity.reduce((sum, c) => sum + c.attempts, 0)).toBe(scored.length);
});

test('monthly: each Shanghai month’s feedback, replies, events and quiz attempts as the generator dated them', () => {
  const tally = (instants: (string | null)[]) => countBy(instants.filter(inYear).map((i) => monthOf(i as string)));
  const feedback = tally(ledger.feedback.items.map((i) => i.submittedAt));
  const replied = tally(ledger.feedback.items.filter((i) => i.firstReplyAt !== null).map((i) => i.submittedAt));
  const events = tally(ledger.events.items.filter((e) => e.held).map((e) => e.startsAt));
  const quiz = tally([...ledger.quiz.attempts.filter((a) => a.score !== null).map((a) => a.submittedAt), ...ledger.quiz.daily.map((d) => d.submittedAt)]);
  expect(figures.monthly).toEqual(
    Array.from({ length: 12 }, (_, i) => {
      const month = `2026-${String(i + 1).padStart(2, '0')}`;
      return { month, feedback: feedback.get(month) ?? 0, replied: replied.get(month) ?? 0, events: events.get(month) ?? 0, quizAttempts: quiz.get(month) ?? 0 };
    }),
  );
});

test('the annual summary gives the generator’s figures, and each figure’s sheet has exactly its rows', async () => {
  const answer = await apiCaller(testApp)({ url: '/staff/reports/annual?year=2026', token: office });
  expect(answer.status).toBe(200);
  const values = Object.fromEntries(answer.body.figures.map((f: { key: string; value: number }) => [f.key, f.value]));
  expect(values).toEqual(ledger.annual);
  // More feedback rows than one page holds: the sheets read on across pages without losing or repeating one.
  expect(ledger.annual.opinions).toBeGreaterThan(1_000);

  for (const sheet of figureSheets(testApp.database.handle.db, 2026, now)) {
    let rows = 0;
    let lastColumnSum = 0;
    const firstCells = new Set<unknown>();
    for await (const row of sheet.rows) {
      rows += 1;
      lastColumnSum += Number(row[row.length - 1]);
      firstCells.add(row[0]);
    }
    if (sheet.key === 'eventAttendance') {
      expect(rows).toBe(ledger.annual.events);
      expect(lastColumnSum).toBe(ledger.annual.eventAttendance);
    } else {
      expect({ key: sheet.key, rows }).toEqual({ key: sheet.key, rows: ledger.annual[sheet.key] });
    }
    if (['opinions', 'responses', 'assessed'].includes(sheet.key)) expect(firstCells.size).toBe(rows);
  }
}, 60_000);

test('the public page shows the same figures and the year’s closed sessions', async () => {
  const answer = await apiCaller(testApp)({ url: '/public/transparency' });
  expect(answer.status).toBe(200);
  expect(Object.fromEntries(answer.body.figures.map((f: { key: string; value: number }) => [f.key, f.value]))).toEqual(ledger.annual);
  expect(answer.body.sessions).toHaveLength(ledger.sessions.closed.filter((s) => inYear(s.closedAt)).length);
});

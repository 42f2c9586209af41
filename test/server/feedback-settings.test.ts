import { workCalendarWarning } from '../../src/server/features/feedback/feedback-settings';
import { closeTestDatabase, createTestDatabase, type TestDatabase } from '../support/test-database';

// data/town.json holds the State Council's holiday arrangement for 2026 only.
let database: TestDatabase;
const db = () => database.handle.db;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => closeTestDatabase(database));

test('at start the office is told which of this year and the next the work calendar lacks', async () => {
  expect(await workCalendarWarning(db(), new Date('2026-11-26T10:00:00+08:00'))).toBe(
    '注意：town.json 的工作日历（feedback.workCalendar）没有 2027 年的节假日安排，这些年份的答复期限只会跳过周末。' +
      '请按国务院办公厅公布的放假安排补上后重新启动。',
  );
  // New Year's Eve in UTC is already 2027 in Shanghai: neither year is there.
  expect(await workCalendarWarning(db(), new Date('2026-12-31T16:30:00Z'))).toContain('没有 2027、2028 年的节假日安排');
});

test('a calendar with both years says nothing', async () => {
  await db().insertInto('workCalendarDay').values({ date: '2027-01-01', kind: 'holiday' }).execute();
  expect(await workCalendarWarning(db(), new Date('2026-11-26T10:00:00+08:00'))).toBeNull();
});

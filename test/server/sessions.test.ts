import { saveOverride } from '../../src/server/features/sessions/repository';
import { AppError } from '../../src/server/shared/app-error';
import { firstStation } from '../support/town-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

const STATION = firstStation.id;
const now = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => now });
  const { db } = testApp.database.handle;
  await saveOverride(db, STATION, { originalDate: '2026-12-15', kind: 'cancelled', reason: '全镇集中宣传活动' }, now);
  await saveOverride(
    db,
    STATION,
    {
      originalDate: '2026-12-30',
      kind: 'moved',
      newDate: '2026-12-31',
      newWindow: { start: '14:00', end: '16:30' },
      reason: '与元旦前安全检查冲突',
    },
    now,
  );
});

afterAll(() => testApp.close());

const get = (url: string) => testApp.app.inject({ method: 'GET', url });

describe('GET /api/stations', () => {
  test('lists the stations seeded from the town configuration', async () => {
    const response = await get('/api/stations');
    expect(response.statusCode).toBe(200);
    expect(response.json().stations).toEqual([
      expect.objectContaining({
        id: STATION,
        name: '朝天咀社区红色驿站',
        communityName: '朝天咀社区',
        daysOfMonth: [15, 30],
        window: { start: '09:00', end: '11:30' },
      }),
    ]);
  });
});

describe('GET /api/stations/:id/sessions/upcoming', () => {
  test('gives the next sessions from the server clock, with cancelled and moved ones marked', async () => {
    const response = await get(`/api/stations/${STATION}/sessions/upcoming?count=4`);
    expect(response.statusCode).toBe(200);
    const { station, sessions } = response.json();
    expect(station.id).toBe(STATION);
    expect(sessions.map((s: { date: string; status: string }) => [s.date, s.status])).toEqual([
      ['2026-11-30', 'scheduled'],
      ['2026-12-15', 'cancelled'],
      ['2026-12-31', 'moved'],
      ['2027-01-15', 'scheduled'],
    ]);
    expect(sessions[1].reason).toBe('全镇集中宣传活动');
    expect(sessions[2]).toMatchObject({ originalDate: '2026-12-30', startsAt: '2026-12-31T14:00:00+08:00' });
  });

  test('defaults to six sessions', async () => {
    const response = await get(`/api/stations/${STATION}/sessions/upcoming`);
    expect(response.json().sessions).toHaveLength(6);
  });

  test.each([
    ['0', '数量 count 至少为 1'],
    ['25', '数量 count 最多为 24'],
    ['abc', '数量 count 应为数字'],
    ['1.5', '数量 count 应为整数'],
  ])('rejects count=%s with a clear message', async (count, message) => {
    const response = await get(`/api/stations/${STATION}/sessions/upcoming?count=${count}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_REQUEST', message });
  });

  test('answers 404 for a station that does not exist', async () => {
    const response = await get('/api/stations/no-such-station/sessions/upcoming');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'STATION_NOT_FOUND', message: '找不到该驿站，请返回首页重新选择' });
  });
});

describe('GET /api/stations/:id/sessions?from&to', () => {
  test('lists a range, February of a common year falling back to the 28th', async () => {
    const response = await get(`/api/stations/${STATION}/sessions?from=2027-02-01&to=2027-03-31`);
    expect(response.statusCode).toBe(200);
    expect(response.json().sessions.map((s: { date: string }) => s.date)).toEqual([
      '2027-02-15',
      '2027-02-28',
      '2027-03-15',
      '2027-03-30',
    ]);
  });

  test('a range of exactly one year is allowed', async () => {
    const response = await get(`/api/stations/${STATION}/sessions?from=2027-01-01&to=2027-12-31`);
    expect(response.statusCode).toBe(200);
    expect(response.json().sessions).toHaveLength(24);
  });

  test.each([
    ['from=2027-02-30&to=2027-03-01', '开始日期 from 应为存在的日期，格式如 2026-01-31'],
    ['from=2027-03-01&to=2027-02-01', '结束日期不能早于开始日期'],
    ['from=2027-01-01&to=2028-01-02', '查询范围不能超过 366 天，请缩小日期范围'],
    ['from=20270101&to=2027-01-31', '开始日期 from 应为存在的日期，格式如 2026-01-31'],
    ['to=2027-01-31', '开始日期 from 不能为空'],
  ])('rejects %s', async (query, message) => {
    const response = await get(`/api/stations/${STATION}/sessions?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_REQUEST', message });
  });

  test('a repeated parameter is a bad value, not a missing one', async () => {
    const response = await get(`/api/stations/${STATION}/sessions?from=2027-01-01&from=2027-02-01&to=2027-03-01`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('开始日期 from 应为一个日期，格式如 2026-01-31');
  });

  test('answers 404 for an unknown station even with a good range', async () => {
    const response = await get('/api/stations/nowhere/sessions?from=2027-01-01&to=2027-01-31');
    expect(response.statusCode).toBe(404);
  });
});

describe('GET /api/stations/:id/sessions/:date/calendar.ics', () => {
  test('gives a calendar file for a held session', async () => {
    const response = await get(`/api/stations/${STATION}/sessions/2026-12-31/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="session-2026-12-31.ics"');
    expect(response.body).toContain('DTSTART:20261231T060000Z');
    expect(response.body).toContain('SUMMARY:朝天咀社区红色驿站接待日');
  });

  test('a cancelled session or a day without one has no calendar file', async () => {
    for (const date of ['2026-12-15', '2026-12-16']) {
      const response = await get(`/api/stations/${STATION}/sessions/${date}/calendar.ics`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('SESSION_NOT_FOUND');
    }
  });

  test('a malformed date is a bad request', async () => {
    const response = await get(`/api/stations/${STATION}/sessions/2026-13-01/calendar.ics`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('日期应为存在的日期，格式如 2026-01-31');
  });
});

describe('storing overrides', () => {
  test('refuses a move onto a day that already has a session, and stores nothing', async () => {
    const { db } = testApp.database.handle;
    const attempt = saveOverride(
      db,
      STATION,
      { originalDate: '2027-01-15', kind: 'moved', newDate: '2027-01-30', newWindow: { start: '09:00', end: '11:30' }, reason: 'x' },
      now,
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ statusCode: 409, message: '改期后的日期已有接待日（含已取消的），同一天不能安排两次' });
    const rows = await db.selectFrom('sessionOverride').select('originalDate').where('originalDate', '=', '2027-01-15').execute();
    expect(rows).toEqual([]);
  });

  test('the database itself refuses a move without its new date', async () => {
    const insert = testApp.database.handle.db
      .insertInto('sessionOverride')
      .values({ stationId: STATION, originalDate: '2027-03-15', kind: 'moved', reason: 'x', createdAt: now.toISOString() })
      .execute();
    await expect(insert).rejects.toMatchObject({
      message: expect.stringMatching(/CHECK constraint failed|violates check constraint/),
    });
    const stored = await testApp.database.handle.db
      .selectFrom('sessionOverride')
      .select('originalDate')
      .where('originalDate', '=', '2027-03-15')
      .execute();
    expect(stored).toEqual([]);
  });

  test('refuses a second override of the same session', async () => {
    const attempt = saveOverride(testApp.database.handle.db, STATION, { originalDate: '2026-12-15', kind: 'cancelled', reason: '再次' }, now);
    await expect(attempt).rejects.toMatchObject({ statusCode: 409, code: 'SESSION_OVERRIDE_REJECTED' });
  });
});

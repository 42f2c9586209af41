import type { RouteContract } from '../../src/core/api/contract';
import { healthContract } from '../../src/core/api/health';
import { eventsContract } from '../../src/core/events/contract';
import { feedbackContract } from '../../src/core/feedback/contract';
import { identityContract } from '../../src/core/identity/contract';
import { PERMISSIONS, mayCall } from '../../src/core/identity/permissions';
import { lawContract } from '../../src/core/law/contract';
import { quizContract } from '../../src/core/quiz/contract';
import { reportsContract } from '../../src/core/reports/contract';
import { ROLES, type Role } from '../../src/core/identity/roles';
import { sessionsContract } from '../../src/core/sessions/contract';
import { sharingContract } from '../../src/core/sharing/contract';
import { supervisionContract } from '../../src/core/supervision/contract';
import { issueToken } from '../../src/server/features/identity/tokens';
import { newId } from '../../src/server/shared/secrets';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

const contracts: RouteContract[] = [
  ...Object.values(healthContract),
  ...Object.values(sessionsContract),
  ...Object.values(identityContract),
  ...Object.values(lawContract),
  ...Object.values(feedbackContract),
  ...Object.values(quizContract),
  ...Object.values(eventsContract),
  ...Object.values(sharingContract),
  ...Object.values(supervisionContract),
  ...Object.values(reportsContract),
];
const now = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
const subjects = {} as Record<Exclude<Role, 'anonymous'>, { kind: 'user' | 'staff'; id: string }>;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => now });
  const db = testApp.database.handle.db;
  const at = now.toISOString();
  for (const role of ['resident', 'supervisor', 'grid_worker'] as const) {
    const id = newId();
    await db.insertInto('appUser').values({ id, kind: 'guest', createdAt: at }).execute();
    subjects[role] = { kind: 'user', id };
  }
  await db
    .insertInto('supervisor')
    .values({ id: newId(), name: '监督员', certificateNo: 'P-1', termStart: '2026-01-01', termEnd: '2027-12-31', userId: subjects.supervisor.id, createdAt: at })
    .execute();
  await db
    .insertInto('gridWorker')
    .values({ id: newId(), name: '网格员', gridId: 'chaotianzui-1', userId: subjects.grid_worker.id, createdAt: at })
    .execute();
  for (const role of ['staff', 'admin'] as const) {
    const id = newId();
    await db
      .insertInto('staffAccount')
      .values({ id, username: role, displayName: role, role, passwordHash: 'x', mustChangePassword: 0, createdAt: at })
      .execute();
    subjects[role] = { kind: 'staff', id };
  }
});

afterAll(() => testApp.close());

function urlOf(contract: RouteContract): string {
  const path = contract.path
    .replace(':stationId', firstStation.id)
    .replace(':date', '2026-11-30')
    .replace(':id', '00000000-0000-0000-0000-000000000000')
    .replace(':no', '1079')
    .replace(':index', '1');
  return `/api${path}`;
}

const cases = contracts.flatMap((contract) => ROLES.map((role) => [contract.operation, role, contract] as const));

test('every operation is in the permission table, and every table row is an operation', () => {
  expect(contracts.map((c) => c.operation).sort()).toEqual(Object.keys(PERMISSIONS).sort());
});

test('every route the server has under /api is one of these contracts', async () => {
  const documented = Object.keys((await testApp.app.inject('/api/docs/json')).json().paths);
  const declared = contracts.map((c) => `/api${c.path.replace(/:(\w+)/g, '{$1}')}`);
  expect(documented.sort()).toEqual([...new Set(declared)].sort());
});

test.each(cases)('%s as %s: allowed or refused as the table says', async (operation, role, contract) => {
  const headers: Record<string, string> = {};
  if (role !== 'anonymous') {
    const { token } = await issueToken(testApp.database.handle.db, subjects[role], now);
    headers.authorization = `Bearer ${token}`;
  }
  const response = await testApp.app.inject({
    method: contract.method,
    url: urlOf(contract),
    headers,
    ...(contract.method !== 'GET' && { payload: {} }),
  });
  if (mayCall([role], operation)) {
    expect([401, 403]).not.toContain(response.statusCode);
  } else if (role === 'anonymous') {
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'SIGN_IN_REQUIRED', message: '请先登录' });
  } else {
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'FORBIDDEN', message: '您没有权限进行这项操作' });
  }
});

test('a staff member who has not yet changed the one-time password may only change it', async () => {
  const db = testApp.database.handle.db;
  const id = newId();
  await db
    .insertInto('staffAccount')
    .values({ id, username: 'fresh', displayName: 'fresh', role: 'staff', passwordHash: 'x', mustChangePassword: 1, createdAt: now.toISOString() })
    .execute();
  const outcomes: Record<string, number> = {};
  for (const contract of contracts.filter((c) => mayCall(['staff'], c.operation))) {
    const { token } = await issueToken(db, { kind: 'staff', id }, now);
    const response = await testApp.app.inject({
      method: contract.method,
      url: urlOf(contract),
      headers: { authorization: `Bearer ${token}` },
      ...(contract.method !== 'GET' && { payload: {} }),
    });
    outcomes[contract.operation] = response.statusCode;
  }
  const refused = Object.entries(outcomes).filter(([, status]) => status === 403).map(([op]) => op).sort();
  const allowed = Object.keys(outcomes).filter((op) => !refused.includes(op)).sort();
  expect(allowed).toEqual(['identity.changePassword', 'identity.me', 'identity.signOut']);
});

test('a resident who is also a supervisor and a grid worker holds all three roles', async () => {
  const db = testApp.database.handle.db;
  await db.updateTable('gridWorker').set({ userId: subjects.supervisor.id }).execute();
  const { token } = await issueToken(db, subjects.supervisor, now);
  const me = await testApp.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json().roles).toEqual(['resident', 'supervisor', 'grid_worker']);
});

test('the table keeps the office’s work to the office, and binding to residents', () => {
  for (const role of ['anonymous', 'resident', 'supervisor', 'grid_worker'] as const) {
    expect(mayCall([role], 'staff.createSupervisor')).toBe(false);
    expect(mayCall([role], 'staff.issueSupervisorCode')).toBe(false);
  }
  expect(mayCall(['staff'], 'identity.bind')).toBe(false);
  expect(mayCall(['anonymous'], 'identity.me')).toBe(false);
  expect(mayCall(['anonymous'], 'sessions.upcomingSessions')).toBe(true);
});

import { supervisorStatus } from '@core/identity/supervisor-term';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Activity, LogActivity, StaffActivities } from '@core/supervision/schemas';
import type { Database, EnforcementActivityTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { isUniqueViolation } from '../../shared/unique-violation';

/**
 * The certificate in force bound to this user. The permission table lets only active supervisors
 * through; this also catches a revocation that lands while the request is on its way.
 */
async function activeSupervisor(db: Database, userId: string, now: Date) {
  const rows = await db.selectFrom('supervisor').select(['id', 'termStart', 'termEnd', 'revokedAt']).where('userId', '=', userId).execute();
  const today = shanghaiDateOf(now);
  const active = rows.find((row) => supervisorStatus(row, row.revokedAt !== null, today) === 'active');
  if (!active) throw new AppError(403, 'SUPERVISOR_ONLY', '执法活动仅限在聘的执法监督员记录');
  return active;
}

function toActivity(row: EnforcementActivityTable): Activity {
  return { id: row.id, date: row.date, unit: row.unit, place: row.place, observation: row.observation, loggedAt: row.loggedAt };
}

async function existing(db: Database, supervisorId: string, clientId: string): Promise<EnforcementActivityTable | undefined> {
  return db
    .selectFrom('enforcementActivity')
    .selectAll()
    .where('supervisorId', '=', supervisorId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

/**
 * Stores one activity and answers it. The phone's id makes it idempotent: a retry, even one racing the
 * first attempt, gets the entry the first made (as it was then), never a second one.
 */
export async function logActivity(db: Database, userId: string, input: LogActivity, now: Date): Promise<Activity> {
  const supervisor = await activeSupervisor(db, userId, now);
  const earlier = await existing(db, supervisor.id, input.clientId);
  if (earlier) return toActivity(earlier);

  if (input.date > shanghaiDateOf(now)) throw new AppError(400, 'ACTIVITY_IN_FUTURE', '日期不能晚于今天');
  if (input.date < supervisor.termStart) {
    throw new AppError(400, 'ACTIVITY_BEFORE_TERM', `日期不能早于聘期开始日（${supervisor.termStart}）`);
  }
  const row: EnforcementActivityTable = {
    id: newId(),
    clientId: input.clientId,
    supervisorId: supervisor.id,
    date: input.date,
    unit: input.unit,
    place: input.place || null,
    observation: input.observation,
    loggedAt: now.toISOString(),
  };
  try {
    await db.insertInto('enforcementActivity').values(row).execute();
    return toActivity(row);
  } catch (error) {
    // Two attempts with one id at once: both found nothing, the unique key let one insert win.
    if (!isUniqueViolation(error)) throw error;
    const winner = await existing(db, supervisor.id, input.clientId);
    if (!winner) throw error;
    return toActivity(winner);
  }
}

/** Everything this person logged, under any certificate they have held, newest first. */
export async function activitiesOf(db: Database, userId: string): Promise<Activity[]> {
  const rows = await db
    .selectFrom('enforcementActivity')
    .innerJoin('supervisor', 'supervisor.id', 'enforcementActivity.supervisorId')
    .selectAll('enforcementActivity')
    .where('supervisor.userId', '=', userId)
    .orderBy('enforcementActivity.date', 'desc')
    .orderBy('enforcementActivity.loggedAt', 'desc')
    .orderBy('enforcementActivity.id')
    .execute();
  return rows.map(toActivity);
}

/** The activities that took place between two Shanghai days (both included), newest first, with who logged each. */
export async function activitiesBetween(db: Database, from: string, to: string): Promise<StaffActivities['activities']> {
  const rows = await db
    .selectFrom('enforcementActivity')
    .innerJoin('supervisor', 'supervisor.id', 'enforcementActivity.supervisorId')
    .selectAll('enforcementActivity')
    .select('supervisor.name as supervisorName')
    .where('enforcementActivity.date', '>=', from)
    .where('enforcementActivity.date', '<=', to)
    .orderBy('enforcementActivity.date', 'desc')
    .orderBy('enforcementActivity.loggedAt', 'desc')
    .orderBy('enforcementActivity.id')
    .execute();
  return rows.map(({ supervisorName, ...row }) => ({ ...toActivity(row), supervisorId: row.supervisorId, supervisorName }));
}

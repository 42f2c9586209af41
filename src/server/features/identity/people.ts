import type { Me, SupervisorCard } from '@core/identity/schemas';
import type { Role } from '@core/identity/roles';
import { supervisorStatus } from '@core/identity/supervisor-term';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { sharerCodeOf } from '../sharing/sharers';
import type { Principal } from '../../shared/principal';
import type { TokenSubject } from './tokens';

/** The certificate bound to this user that is in force, or else the most recent one. */
async function boundSupervisor(db: Database, userId: string, now: Date): Promise<SupervisorCard | null> {
  const rows = await db
    .selectFrom('supervisor')
    .select(['name', 'certificateNo', 'termStart', 'termEnd', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute();
  const cards = rows.map(({ revokedAt, ...card }) => ({
    ...card,
    status: supervisorStatus(card, revokedAt !== null, shanghaiDateOf(now)),
  }));
  return cards.find((card) => card.status === 'active') ?? cards[0] ?? null;
}

async function boundGridWorker(db: Database, userId: string) {
  return db
    .selectFrom('gridWorker')
    .innerJoin('grid', 'grid.id', 'gridWorker.gridId')
    .innerJoin('community', 'community.id', 'grid.communityId')
    .select(['gridWorker.id', 'gridWorker.name', 'grid.id as gridId', 'grid.name as gridName', 'community.name as communityName'])
    .where('gridWorker.userId', '=', userId)
    .where('gridWorker.revokedAt', 'is', null)
    .executeTakeFirst();
}

/** The roles a token's subject holds right now: a supervisor's rights end with the term on the certificate. */
export async function principalFor(
  db: Database,
  subject: TokenSubject & { tokenHash: string },
  now: Date,
): Promise<Principal | null> {
  if (subject.kind === 'staff') {
    const account = await db
      .selectFrom('staffAccount')
      .select(['id', 'role', 'mustChangePassword'])
      .where('id', '=', subject.id)
      .executeTakeFirst();
    if (!account) return null;
    return {
      kind: 'staff',
      id: account.id,
      roles: [account.role],
      mustChangePassword: account.mustChangePassword === 1,
      tokenHash: subject.tokenHash,
    };
  }
  const user = await db.selectFrom('appUser').select(['id', 'kind']).where('id', '=', subject.id).executeTakeFirst();
  if (!user) return null;
  const roles: Role[] = ['resident'];
  if ((await boundSupervisor(db, user.id, now))?.status === 'active') roles.push('supervisor');
  if (await boundGridWorker(db, user.id)) roles.push('grid_worker');
  return { kind: 'user', id: user.id, userKind: user.kind, roles, tokenHash: subject.tokenHash };
}

export async function describe(db: Database, principal: Principal, now: Date): Promise<Me> {
  if (principal.kind === 'staff') {
    const account = await db
      .selectFrom('staffAccount')
      .select('displayName')
      .where('id', '=', principal.id)
      .executeTakeFirstOrThrow();
    return {
      kind: 'staff',
      displayName: account.displayName,
      roles: [...principal.roles],
      mustChangePassword: principal.mustChangePassword,
      supervisor: null,
      gridWorker: null,
    };
  }
  if (principal.kind === 'anonymous') throw new Error('An anonymous caller has no profile');
  const gridWorker = await boundGridWorker(db, principal.id);
  return {
    kind: principal.userKind,
    displayName: principal.userKind === 'wechat' ? '微信用户' : '访客',
    roles: [...principal.roles],
    mustChangePassword: false,
    supervisor: await boundSupervisor(db, principal.id, now),
    // The app builds the worker's share paths from the card, so the sharer code is given here when first needed.
    gridWorker: gridWorker
      ? {
          name: gridWorker.name,
          gridId: gridWorker.gridId,
          sharerCode: await sharerCodeOf(db, gridWorker.id),
          gridName: gridWorker.gridName,
          communityName: gridWorker.communityName,
        }
      : null,
  };
}

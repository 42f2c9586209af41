import {
  BINDING_CODE_ALPHABET,
  BINDING_CODE_LENGTH,
  BINDING_CODE_VALID_DAYS,
} from '@core/identity/binding-code';
import { supervisorStatus } from '@core/identity/supervisor-term';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { claimAttempt, clearAttempts, tooManyAttempts } from '../../shared/attempt-limiter';
import { newId, randomCode, sha256 } from '../../shared/secrets';

export type DirectoryKind = 'supervisor' | 'grid_worker';

const KIND_LABELS: Record<DirectoryKind, string> = { supervisor: '监督员', grid_worker: '网格员' };
const TABLES = { supervisor: 'supervisor', grid_worker: 'gridWorker' } as const;

export async function listSupervisors(db: Database, now: Date) {
  const rows = await db.selectFrom('supervisor').selectAll().orderBy('createdAt').execute();
  return rows.map((row) => supervisorRecord(row, now));
}

function supervisorRecord(
  row: { id: string; name: string; certificateNo: string; termStart: string; termEnd: string; userId: string | null; revokedAt: string | null },
  now: Date,
) {
  return {
    id: row.id,
    name: row.name,
    certificateNo: row.certificateNo,
    termStart: row.termStart,
    termEnd: row.termEnd,
    status: supervisorStatus(row, row.revokedAt !== null, shanghaiDateOf(now)),
    bound: row.userId !== null,
  };
}

export async function findSupervisor(db: Database, id: string, now: Date) {
  const row = await db.selectFrom('supervisor').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'SUPERVISOR_NOT_FOUND', '找不到这名监督员');
  return supervisorRecord(row, now);
}

export async function createSupervisor(
  db: Database,
  input: { name: string; certificateNo: string; termStart: string; termEnd: string },
  now: Date,
) {
  const taken = await db
    .selectFrom('supervisor')
    .select('id')
    .where('certificateNo', '=', input.certificateNo)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (taken) throw new AppError(409, 'CERTIFICATE_TAKEN', `聘书编号 ${input.certificateNo} 已经登记过`);
  const id = newId();
  await db.insertInto('supervisor').values({ id, ...input, createdAt: now.toISOString() }).execute();
  return findSupervisor(db, id, now);
}

function gridWorkerQuery(db: Database) {
  return db
    .selectFrom('gridWorker')
    .innerJoin('grid', 'grid.id', 'gridWorker.gridId')
    .innerJoin('community', 'community.id', 'grid.communityId')
    .select([
      'gridWorker.id',
      'gridWorker.name',
      'gridWorker.gridId',
      'grid.name as gridName',
      'community.name as communityName',
      'gridWorker.revokedAt',
      'gridWorker.userId',
    ]);
}

type GridWorkerRow = Awaited<ReturnType<ReturnType<typeof gridWorkerQuery>['executeTakeFirstOrThrow']>>;

function gridWorkerRecord({ revokedAt, userId, ...row }: GridWorkerRow) {
  return { ...row, revoked: revokedAt !== null, bound: userId !== null };
}

export async function listGridWorkers(db: Database) {
  return (await gridWorkerQuery(db).orderBy('gridWorker.createdAt').execute()).map(gridWorkerRecord);
}

export async function findGridWorker(db: Database, id: string) {
  const row = await gridWorkerQuery(db).where('gridWorker.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'GRID_WORKER_NOT_FOUND', '找不到这名网格员');
  return gridWorkerRecord(row);
}

export async function createGridWorker(db: Database, input: { name: string; gridId: string }, now: Date) {
  const grid = await db.selectFrom('grid').select('id').where('id', '=', input.gridId).executeTakeFirst();
  if (!grid) throw new AppError(400, 'GRID_NOT_FOUND', '所选网格不存在，请从列表中选择');
  const id = newId();
  await db.insertInto('gridWorker').values({ id, ...input, createdAt: now.toISOString() }).execute();
  return findGridWorker(db, id);
}

export async function listGrids(db: Database) {
  return db
    .selectFrom('grid')
    .innerJoin('community', 'community.id', 'grid.communityId')
    .select(['grid.id', 'grid.name', 'community.name as communityName'])
    .orderBy('grid.id')
    .execute();
}

async function targetState(db: Database, kind: DirectoryKind, id: string) {
  return db.selectFrom(TABLES[kind]).select(['id', 'revokedAt']).where('id', '=', id).executeTakeFirst();
}

/** A fresh one-time code for the person; any earlier unused code for them stops working. */
export async function issueBindingCode(db: Database, kind: DirectoryKind, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const target = await targetState(trx, kind, id);
    if (!target) throw new AppError(404, 'NOT_FOUND', `找不到这名${KIND_LABELS[kind]}`);
    if (target.revokedAt) throw new AppError(409, 'REVOKED', `这名${KIND_LABELS[kind]}的身份已撤销，不能再发绑定码`);
    await trx.deleteFrom('bindingCode').where('targetKind', '=', kind).where('targetId', '=', id).where('usedAt', 'is', null).execute();
    // A new code is for a new phone (or a lost one): the role leaves the old phone now, not when the code is used.
    await trx.updateTable(TABLES[kind]).set({ userId: null }).where('id', '=', id).execute();
    const code = randomCode(BINDING_CODE_ALPHABET, BINDING_CODE_LENGTH);
    const expiresAt = new Date(now.getTime() + BINDING_CODE_VALID_DAYS * 24 * 60 * 60 * 1000).toISOString();
    await trx
      .insertInto('bindingCode')
      .values({ codeHash: sha256(code), targetKind: kind, targetId: id, expiresAt, createdAt: now.toISOString() })
      .execute();
    return { code, expiresAt };
  });
}

export async function revoke(db: Database, kind: DirectoryKind, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const target = await targetState(trx, kind, id);
    if (!target) throw new AppError(404, 'NOT_FOUND', `找不到这名${KIND_LABELS[kind]}`);
    if (!target.revokedAt) {
      await trx.updateTable(TABLES[kind]).set({ revokedAt: now.toISOString() }).where('id', '=', id).execute();
    }
    await trx.deleteFrom('bindingCode').where('targetKind', '=', kind).where('targetId', '=', id).where('usedAt', 'is', null).execute();
  });
}

/**
 * Gives the user the role the code was issued for. A code works once, for seven days; guessing is
 * slowed by a growing lock-out per user.
 */
export async function bindWithCode(db: Database, userId: string, code: string, now: Date): Promise<void> {
  const attemptKey = `bind:${userId}`;
  const lockSet = await claimAttempt(db, attemptKey, now, '绑定码');
  const failure = await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('bindingCode').selectAll().where('codeHash', '=', sha256(code)).executeTakeFirst();
    if (!found) return 'wrong' as const;
    if (found.usedAt) throw new AppError(409, 'BINDING_CODE_USED', '这个绑定码已经用过了，如需重新绑定请联系镇法治建设科');
    if (found.expiresAt <= now.toISOString()) {
      throw new AppError(410, 'BINDING_CODE_EXPIRED', `绑定码已过期（有效期 ${BINDING_CODE_VALID_DAYS} 天），请联系镇法治建设科重新获取`);
    }
    const target = await targetState(trx, found.targetKind, found.targetId);
    if (!target || target.revokedAt) throw new AppError(409, 'REVOKED', '这个身份已被撤销，绑定码不再有效');
    // Claims the code only if no parallel request claimed it first.
    const claimed = await trx
      .updateTable('bindingCode')
      .set({ usedAt: now.toISOString() })
      .where('codeHash', '=', found.codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new AppError(409, 'BINDING_CODE_USED', '这个绑定码已经用过了，如需重新绑定请联系镇法治建设科');
    }
    await trx.updateTable(TABLES[found.targetKind]).set({ userId }).where('id', '=', found.targetId).execute();
    return null;
  });
  if (failure) {
    if (lockSet) throw tooManyAttempts(lockSet, now, '绑定码');
    throw new AppError(400, 'BINDING_CODE_WRONG', '绑定码不正确，请核对后重新输入');
  }
  await clearAttempts(db, attemptKey);
}

import type { FastifyInstance } from 'fastify';
import { identityContract } from '@core/identity/contract';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { newId } from '../../shared/secrets';
import { bindWithCode } from './directory';
import { describe, principalFor } from './people';
import { changeStaffPassword, checkStaffPassword } from './staff-accounts';
import { issueToken, revokeToken, type TokenSubject } from './tokens';
import type { WeChatClient } from './wechat-client';

async function wechatUser(db: Database, openid: string, now: Date): Promise<string> {
  const existing = await db.selectFrom('appUser').select('id').where('wechatOpenid', '=', openid).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  // A parallel first sign-in of the same person may insert first; then theirs is the row to use.
  await db
    .insertInto('appUser')
    .values({ id, kind: 'wechat', wechatOpenid: openid, createdAt: now.toISOString() })
    .onConflict((oc) => oc.column('wechatOpenid').doNothing())
    .execute();
  const row = await db.selectFrom('appUser').select('id').where('wechatOpenid', '=', openid).executeTakeFirstOrThrow();
  return row.id;
}

export async function authRoutes(
  app: FastifyInstance,
  options: { wechat: WeChatClient; signInsPerMinute: number },
): Promise<void> {
  async function principalOrFail(subject: TokenSubject & { tokenHash: string }, now: Date): Promise<Principal> {
    const principal = await principalFor(app.db, subject, now);
    if (!principal) throw new Error(`Signed-in ${subject.kind} ${subject.id} no longer exists`);
    return principal;
  }

  async function signIn(subject: TokenSubject) {
    const now = app.now();
    const { token, expiresAt, tokenHash } = await issueToken(app.db, subject, now);
    return { token, expiresAt, me: await describe(app.db, await principalOrFail({ ...subject, tokenHash }, now), now) };
  }

  const limited = { rateLimit: { max: options.signInsPerMinute, timeWindow: 60_000 } };

  addRoute(
    app,
    identityContract.signInWeChat,
    async ({ body }) => {
      const { openid } = await options.wechat.code2Session(body.code);
      return signIn({ kind: 'user', id: await wechatUser(app.db, openid, app.now()) });
    },
    limited,
  );

  addRoute(
    app,
    identityContract.signInGuest,
    async () => {
      const id = newId();
      await app.db.insertInto('appUser').values({ id, kind: 'guest', createdAt: app.now().toISOString() }).execute();
      return signIn({ kind: 'user', id });
    },
    limited,
  );

  addRoute(
    app,
    identityContract.signInStaff,
    async ({ body }) => {
      const account = await checkStaffPassword(app.db, body.username, body.password, app.now());
      return signIn({ kind: 'staff', id: account.id });
    },
    limited,
  );

  addRoute(app, identityContract.signOut, async ({ principal }) => {
    if (principal.kind !== 'anonymous') await revokeToken(app.db, principal.tokenHash, app.now());
    return { ok: true as const };
  });

  addRoute(app, identityContract.me, async ({ principal }) => describe(app.db, principal, app.now()));

  addRoute(
    app,
    identityContract.bind,
    async ({ principal, body }) => {
      if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '只有居民身份可以绑定');
      const now = app.now();
      await bindWithCode(app.db, principal.id, body.code, now);
      const updated = await principalOrFail({ kind: 'user', id: principal.id, tokenHash: principal.tokenHash }, now);
      return describe(app.db, updated, now);
    },
    limited,
  );

  addRoute(app, identityContract.changePassword, async ({ principal, body }) => {
    if (principal.kind !== 'staff') throw new AppError(403, 'FORBIDDEN', '只有工作人员可以修改密码');
    await changeStaffPassword(app.db, principal, body.currentPassword, body.newPassword, app.now());
    return { ok: true as const };
  });
}

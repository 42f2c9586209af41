import fp from 'fastify-plugin';
import { AppError } from '../../shared/app-error';
import { ANONYMOUS, type Principal } from '../../shared/principal';
import { principalFor } from './people';
import { resolveToken } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/**
 * Resolves `Authorization: Bearer …` to a principal before any route runs. No header means an
 * anonymous caller; a token that is malformed, unknown, expired or revoked is refused outright, so
 * that the app knows to sign in again rather than silently losing its identity.
 */
export const authentication = fp(async (app) => {
  // Fastify wants reference values decorated as null and set per request.
  app.decorateRequest<Principal | null>('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS;
    const header = request.headers.authorization;
    if (!header) return;
    const token = BEARER.exec(header)?.[1];
    const subject = token ? await resolveToken(app.db, token, app.now()) : null;
    const principal = subject && (await principalFor(app.db, subject, app.now()));
    if (!principal) throw new AppError(401, 'TOKEN_INVALID', '登录已失效，请重新登录');
    request.principal = principal;
  });
});

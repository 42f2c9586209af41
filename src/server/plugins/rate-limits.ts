import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../shared/app-error';

/**
 * Per-address limits for the doors that create identities or take passwords: the per-account and
 * per-code lock-outs stop guessing one secret, these stop spraying many from one place.
 */
export const SIGN_IN_LIMIT_PER_MINUTE = 30;

export const rateLimits = fp(async (app) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'TOO_MANY_REQUESTS', `操作太频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, Math.ceil(context.ttl / 1000)),
  });
});

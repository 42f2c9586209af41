import type { Role } from '@core/identity/roles';

/** Who is calling: resolved from the bearer token before any route runs. */
export type Principal =
  | { kind: 'anonymous'; roles: readonly Role[] }
  | { kind: 'user'; id: string; userKind: 'wechat' | 'guest'; roles: readonly Role[]; tokenHash: string }
  | { kind: 'staff'; id: string; roles: readonly Role[]; mustChangePassword: boolean; tokenHash: string };

export const ANONYMOUS: Principal = { kind: 'anonymous', roles: ['anonymous'] };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

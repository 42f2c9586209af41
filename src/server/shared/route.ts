import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteBody, RouteContract, RouteParams, RouteQuery, RouteResponse } from '@core/api/contract';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, mayCall, type Operation } from '@core/identity/permissions';
import { AppError } from './app-error';
import type { Principal } from './principal';

export interface RouteRequest<C extends RouteContract> {
  params: RouteParams<C>;
  query: RouteQuery<C>;
  body: RouteBody<C>;
  principal: Principal;
}

/** The permission table decides, before the request body is even read. */
export function authorize(principal: Principal, operation: Operation): void {
  if (!mayCall(principal.roles, operation)) {
    if (principal.kind === 'anonymous') throw new AppError(401, 'SIGN_IN_REQUIRED', '请先登录');
    throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  }
  if (principal.kind === 'staff' && principal.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.includes(operation)) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
  }
}

type Answer<C extends RouteContract> = C['response'] extends undefined ? string : RouteResponse<C>;

/**
 * Registers one contract operation under `/api`: the permission table is enforced first, then Fastify
 * validates both ways with the contract's schemas.
 */
export function addRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: (request: RouteRequest<C>, reply: FastifyReply) => Promise<Answer<C>>,
  options: { rateLimit?: { max: number; timeWindow: number; keyGenerator?: (request: FastifyRequest) => string } } = {},
): void {
  app.route({
    ...(options.rateLimit && { config: { rateLimit: options.rateLimit } }),
    method: contract.method,
    url: `/api${contract.path}`,
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params && { params: contract.params }),
      ...(contract.query && { querystring: contract.query }),
      ...(contract.body && { body: contract.body }),
      ...(contract.response && { response: { 200: contract.response } }),
      ...(contract.produces && { produces: [contract.produces] }),
    },
    onRequest: async (request: FastifyRequest) => authorize(request.principal, contract.operation),
    handler: (request, reply) => handler(request as unknown as RouteRequest<C>, reply),
  });
}

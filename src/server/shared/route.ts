import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteBody, RouteContract, RouteParams, RouteQuery, RouteResponse } from '@core/api/contract';

export interface RouteRequest<C extends RouteContract> {
  params: RouteParams<C>;
  query: RouteQuery<C>;
  body: RouteBody<C>;
}

type Answer<C extends RouteContract> = C['response'] extends undefined ? string : RouteResponse<C>;

/** Registers one contract operation under `/api`; Fastify validates both ways with the contract's schemas. */
export function addRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: (request: RouteRequest<C>, reply: FastifyReply) => Promise<Answer<C>>,
): void {
  app.route({
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
    handler: (request, reply) => handler(request as unknown as RouteRequest<C>, reply),
  });
}

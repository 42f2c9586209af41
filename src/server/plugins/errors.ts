import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import type { ApiError } from '@core/shared/schemas';
import { AppError } from '../shared/app-error';

/** Every failure leaves the server as `{ code, message }` with a message a person can act on. */
export const errorReplies = fp(async (app) => {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    let status = 500;
    let body: ApiError = { code: 'INTERNAL_ERROR', message: '服务暂时出了问题，请稍后再试' };
    if (error instanceof AppError) {
      status = error.statusCode;
      body = { code: error.code, message: error.message };
      if (error.retryAfterSeconds) reply.header('Retry-After', String(error.retryAfterSeconds));
    } else if (error.code === 'FST_ERR_VALIDATION') {
      status = 400;
      body = { code: 'INVALID_REQUEST', message: error.message };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { code: error.code ?? 'BAD_REQUEST', message: '请求无法处理，请检查后重试' };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { code: 'NOT_FOUND', message: `找不到这个地址：${request.method} ${request.url.split('?')[0]}` };
    return reply.status(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
});

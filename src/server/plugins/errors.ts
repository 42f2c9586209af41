import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import type { ApiError } from '@core/shared/schemas';
import { AppError } from '../shared/app-error';

// Fastify's own refusals, in words a person can act on.
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: '网址格式不对，请检查链接是否完整',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种请求内容类型，请使用 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容长度不正确',
};

export function toApiError(error: FastifyError | AppError): { status: number; body: ApiError } {
  if (error instanceof AppError) {
    const problems = error.problems && { problems: [...error.problems] };
    return { status: error.statusCode, body: { code: error.code, message: error.message, ...problems } };
  }
  if (error.code === 'FST_ERR_VALIDATION') return { status: 400, body: { code: 'INVALID_REQUEST', message: error.message } };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const message = FRAMEWORK_MESSAGES[error.code] ?? '请求无法处理，请检查后重试';
    return { status: error.statusCode, body: { code: 'BAD_REQUEST', message } };
  }
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务暂时出了问题，请稍后再试' } };
}

/** Every failure leaves the server as `{ code, message }` with a message a person can act on. */
export const errorReplies = fp(async (app) => {
  app.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof AppError && error.retryAfterSeconds) reply.header('Retry-After', String(error.retryAfterSeconds));
    return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { code: 'NOT_FOUND', message: `找不到这个地址：${request.method} ${request.url.split('?')[0]}` };
    return reply.status(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
});

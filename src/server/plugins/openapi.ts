import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import * as z from 'zod/mini';
import { ApiErrorSchema } from '@core/shared/schemas';

function isZodSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function toJsonSchema(schema: unknown, io: 'input' | 'output'): unknown {
  if (!isZodSchema(schema)) return schema;
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' });
  return jsonSchema;
}

const errorResponse = toJsonSchema(ApiErrorSchema, 'output');

/** The OpenAPI document and its docs page, generated from the same zod schemas the routes validate with. */
export const openApi = fp(async (app, options: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      info: { title: '法治驿站 API', description: '所有接口的请求与返回均由 src/core 中的 zod 契约定义。', version: options.version },
    },
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url };
      const { params, querystring, body, response, ...rest } = schema as Record<string, unknown>;
      const transformed: Record<string, unknown> = { ...rest };
      if (params) transformed.params = toJsonSchema(params, 'input');
      if (querystring) transformed.querystring = toJsonSchema(querystring, 'input');
      if (body) transformed.body = toJsonSchema(body, 'input');
      const responses: Record<string, unknown> = { '4xx': errorResponse, '5xx': errorResponse };
      for (const [status, value] of Object.entries((response ?? {}) as Record<string, unknown>)) {
        responses[status] = toJsonSchema(value, 'output');
      }
      transformed.response = responses;
      return { schema: transformed, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});

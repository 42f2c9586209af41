import fp from 'fastify-plugin';
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';

type ZodSchema = z.ZodMiniType;

const fieldLabels: Record<string, string> = { querystring: '查询参数', params: '路径参数', body: '请求内容' };

function describeIssues(issues: readonly z.core.$ZodIssue[], context: string): string {
  return issues
    .map((issue) => {
      const key = issue.path.map(String).join('.');
      // Custom checks and most field checks already name the field in words; zod's own messages do not.
      if (!key || issue.code === 'custom' || issue.message.includes(key)) return issue.message;
      return `${fieldLabels[context] ?? ''} ${key}：${issue.message}`.trim();
    })
    .join('；');
}

/** Fastify checks requests and responses with the contract's zod schemas instead of JSON Schema. */
export const zodValidation = fp(async (app) => {
  z.config(zhCN());

  const validatorCompiler: FastifySchemaCompiler<ZodSchema> =
    ({ schema, httpPart }) =>
    (data) => {
      const result = schema.safeParse(data);
      if (result.success) return { value: result.data };
      const error = new Error(describeIssues(result.error.issues, httpPart ?? ''));
      return { error };
    };

  const serializerCompiler: FastifySerializerCompiler<ZodSchema> =
    ({ schema, url, method }) =>
    (data) => {
      const result = schema.safeParse(data);
      if (!result.success) {
        throw new Error(`Response of ${method} ${url} breaks its contract: ${result.error.message}`);
      }
      return JSON.stringify(result.data);
    };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
});

import fp from 'fastify-plugin';
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import * as z from 'zod/mini';

type ZodSchema = z.ZodMiniType;

/**
 * The contract's schemas carry a Chinese message naming the field for every check a person can fail;
 * this covers the rest (a field of the wrong type, an unexpected value), naming the field as sent.
 */
function fallbackMessage(issue: { path?: PropertyKey[]; code?: string }): string {
  const field = issue.path?.length ? `字段 ${issue.path.map(String).join('.')} ` : '请求内容';
  return issue.code === 'invalid_type' ? `${field}缺失或类型不对` : `${field}的值不正确`;
}

/** One message per field, the first that field failed, so that a person sees what to fix first. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    messages.push(issue.message);
  }
  return messages.join('；');
}

/** Fastify checks requests and responses with the contract's zod schemas instead of JSON Schema. */
export const zodValidation = fp(async (app) => {
  z.config({ customError: fallbackMessage });

  const validatorCompiler: FastifySchemaCompiler<ZodSchema> =
    ({ schema }) =>
    (data) => {
      const result = schema.safeParse(data);
      if (result.success) return { value: result.data };
      return { error: new Error(describeIssues(result.error.issues)) };
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

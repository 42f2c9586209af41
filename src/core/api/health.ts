import * as z from 'zod/mini';
import { defineRoute } from './contract';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export const healthContract = {
  health: defineRoute({
    operation: 'system.health',
    method: 'GET',
    path: '/health',
    summary: '服务健康检查',
    tags: ['系统'],
    response: HealthSchema,
  }),
};

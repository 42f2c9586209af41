import * as z from 'zod/mini';
import { ClientIdSchema } from '../feedback/schemas';
import { periodChecks } from '../reports/period-checks';
import { localDateSchema } from '../shared/schemas';

export const MIN_OBSERVATION = 10;
export const MAX_OBSERVATION = 2000;

/** One enforcement action a supervisor attended (组织行政执法监督员现场参加执法活动), logged on the phone. */
export const LogActivitySchema = z.object({
  /** Generated on the phone: a retry after a lost answer returns the first entry, never a second. */
  clientId: ClientIdSchema,
  date: localDateSchema('日期'),
  unit: z
    .string({ error: '请填写执法单位' })
    .check(z.trim(), z.minLength(2, '请填写执法单位'), z.maxLength(100, '执法单位最多 100 个字')),
  /** Where it took place, free text (a road, a market, a river bank). */
  place: z.optional(
    z.nullable(z.string({ error: '地点应为文字' }).check(z.trim(), z.maxLength(100, '地点最多 100 个字'))),
  ),
  observation: z
    .string({ error: '请填写观察到的情况' })
    .check(
      z.trim(),
      z.minLength(MIN_OBSERVATION, `观察到的情况至少 ${MIN_OBSERVATION} 个字`),
      z.maxLength(MAX_OBSERVATION, `观察到的情况最多 ${MAX_OBSERVATION} 个字`),
    ),
});
export type LogActivity = z.infer<typeof LogActivitySchema>;
export type LogActivityInput = z.input<typeof LogActivitySchema>;

export const ActivitySchema = z.object({
  id: z.string(),
  date: z.string(),
  unit: z.string(),
  place: z.nullable(z.string()),
  observation: z.string(),
  loggedAt: z.string(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const MyActivitiesSchema = z.object({ activities: z.array(ActivitySchema) });

/** The same period rules as the dashboard's: the list sits in its supervision section. */
export const StaffActivityQuerySchema = z
  .object({ from: localDateSchema('开始日期'), to: localDateSchema('结束日期') })
  .check(...periodChecks);

/** The office sees who logged each one: supervisors are appointed officials acting in that role. */
export const StaffActivitiesSchema = z.object({
  activities: z.array(z.extend(ActivitySchema, { supervisorId: z.string(), supervisorName: z.string() })),
});
export type StaffActivities = z.infer<typeof StaffActivitiesSchema>;

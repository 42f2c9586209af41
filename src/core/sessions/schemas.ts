import * as z from 'zod/mini';
import { localDateSchema, localTimeSchema } from '../shared/schemas';
import { daysBetween, isLocalDate } from '../shared/shanghai-time';

export const MAX_RANGE_DAYS = 366;
export const MAX_UPCOMING = 24;

const TimeWindowSchema = z.object({ start: localTimeSchema('开始时间'), end: localTimeSchema('结束时间') });

export const StationSchema = z.object({
  id: z.string(),
  name: z.string(),
  subtitle: z.string(),
  communityName: z.string(),
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  daysOfMonth: z.array(z.int()),
  window: TimeWindowSchema,
});
export type Station = z.infer<typeof StationSchema>;

const ShanghaiInstantSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/));

export const SessionSchema = z.object({
  date: localDateSchema('日期'),
  originalDate: localDateSchema('原日期'),
  window: TimeWindowSchema,
  startsAt: ShanghaiInstantSchema,
  endsAt: ShanghaiInstantSchema,
  status: z.enum(['scheduled', 'cancelled', 'moved']),
  reason: z.nullable(z.string()),
});

export const StationListSchema = z.object({ stations: z.array(StationSchema) });

export const StationSessionsSchema = z.object({
  station: StationSchema,
  sessions: z.array(SessionSchema),
});
export type StationSessions = z.infer<typeof StationSessionsSchema>;

export const StationParamsSchema = z.object({
  stationId: z.string().check(z.minLength(1, '驿站编号不能为空'), z.maxLength(64, '驿站编号过长')),
});

export const SessionDateParamsSchema = z.object({
  stationId: StationParamsSchema.shape.stationId,
  date: localDateSchema('日期'),
});

function bothDates(range: { from: string; to: string }): boolean {
  return isLocalDate(range.from) && isLocalDate(range.to);
}

export const SessionRangeQuerySchema = z
  .object({ from: localDateSchema('开始日期 from '), to: localDateSchema('结束日期 to ') })
  .check(
    // Field checks do not stop object checks, so each guards against dates that failed their own.
    z.refine((range) => !bothDates(range) || range.from <= range.to, { error: '结束日期不能早于开始日期', path: ['to'] }),
    z.refine((range) => !bothDates(range) || range.from > range.to || daysBetween(range.from, range.to) < MAX_RANGE_DAYS, {
      error: `查询范围不能超过 ${MAX_RANGE_DAYS} 天，请缩小日期范围`,
      path: ['to'],
    }),
  );

export const UpcomingQuerySchema = z.object({
  count: z._default(
    z.coerce
      .number({ error: '数量 count 应为数字' })
      .check(z.int('数量 count 应为整数'), z.gte(1, '数量 count 至少为 1'), z.lte(MAX_UPCOMING, `数量 count 最多为 ${MAX_UPCOMING}`)),
    6,
  ),
});

const reasonSchema = z
  .string({ error: '请填写原因，居民会看到它' })
  .check(z.trim(), z.minLength(2, '原因至少 2 个字，居民会看到它'), z.maxLength(200, '原因最多 200 字'));

/** Cancelling or moving one session: what the office enters, with the reason residents will read. */
export const SessionOverrideInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancelled'), originalDate: localDateSchema('原日期'), reason: reasonSchema }),
  z.object({
    kind: z.literal('moved'),
    originalDate: localDateSchema('原日期'),
    newDate: localDateSchema('新日期'),
    newWindow: TimeWindowSchema,
    reason: reasonSchema,
  }),
]);
export type SessionOverrideInput = z.infer<typeof SessionOverrideInputSchema>;

/** The same change made from a session's own page, where the day is already in the path. */
export const SessionChangeBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancelled'), reason: reasonSchema }),
  z.object({ kind: z.literal('moved'), newDate: localDateSchema('新日期'), newWindow: TimeWindowSchema, reason: reasonSchema }),
]);

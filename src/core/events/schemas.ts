import * as z from 'zod/mini';
import { PlaceSchema } from '../feedback/schemas';
import { ShareOpenSchema } from '../sharing/schemas';

export const EVENT_TYPES = ['yuanba', 'campaign', 'lecture', 'door_to_door', 'special'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  yuanba: '院坝会',
  campaign: '集中宣传',
  lecture: '法治宣讲',
  door_to_door: '入户宣传',
  special: '专题活动',
};

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const EVENT_STATUS_LABELS: Record<(typeof EVENT_STATUSES)[number], string> = { draft: '草稿', published: '已发布', cancelled: '已取消' };

/** A key date of the publicity year (DESIGN §5): a day, or a run of days, each year, with the law it is about. */
export const KeyDateSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/, '编号只能用小写字母、数字和连字符')),
  name: z.string().check(z.minLength(1)),
  law: z.string().check(z.minLength(1)),
  /** MM-DD; for a month-long campaign the first day. */
  from: z.string().check(z.regex(/^\d{2}-\d{2}$/, '日期格式应为 MM-DD')),
  /** MM-DD, the same as `from` for a single day. */
  to: z.string().check(z.regex(/^\d{2}-\d{2}$/, '日期格式应为 MM-DD')),
});
export type KeyDate = z.infer<typeof KeyDateSchema>;
export const KeyDatesFileSchema = z.object({ keyDates: z.array(KeyDateSchema) });

/** A key date placed in one year: the days it covers then. */
export const DatedKeyDateSchema = z.object({ id: z.string(), name: z.string(), law: z.string(), from: z.string(), to: z.string() });

/** An instant with its offset stated: without one, the server's own timezone would decide the hour. */
function isZonedInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

const instantSchema = (label: string) =>
  z.string({ error: `请填写${label}` }).check(z.refine(isZonedInstant, `${label}应为带时区的日期时间，如 2026-12-04T09:00:00+08:00`));

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.trim(), z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const EventInputSchema = z
  .object({
    title: text('活动名称', 2, 40),
    type: z.enum(EVENT_TYPES, { error: '请选择活动类型' }),
    theme: text('主题', 2, 60),
    /** The law the event is about, e.g. 民法典 or 宪法; optional. */
    law: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(30, '法律名称最多 30 个字')))),
    startsAt: instantSchema('开始时间'),
    endsAt: instantSchema('结束时间'),
    place: z.extend(PlaceSchema, { address: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(120, '地址最多 120 个字')))) }),
    communityId: z.string({ error: '请选择社区或村' }).check(z.minLength(1, '请选择社区或村'), z.maxLength(64)),
    organiser: text('主办单位', 2, 40),
    /** Null: no limit on places. */
    capacity: z.nullable(z.int('名额应为整数').check(z.gte(1, '名额至少 1 人'), z.lte(5000, '名额最多 5000 人'))),
    description: text('活动介绍', 10, 2000),
  })
  .check(
    z.refine((e) => !isZonedInstant(e.startsAt) || !isZonedInstant(e.endsAt) || Date.parse(e.startsAt) < Date.parse(e.endsAt), {
      error: '结束时间应晚于开始时间',
      path: ['endsAt'],
    }),
  );
export type EventInput = z.infer<typeof EventInputSchema>;

export const EventSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(EVENT_TYPES),
  theme: z.string(),
  law: z.nullable(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.object({ name: z.string(), address: z.nullable(z.string()), latitude: z.nullable(z.number()), longitude: z.nullable(z.number()) }),
  communityId: z.string(),
  communityName: z.string(),
  organiser: z.string(),
  capacity: z.nullable(z.int()),
  signedUp: z.int(),
  /** Null when there is no limit. */
  placesLeft: z.nullable(z.int()),
  description: z.string(),
  status: z.enum(EVENT_STATUSES),
  cancelReason: z.nullable(z.string()),
  /** People there as the office counted them after the event; null until recorded. */
  attendance: z.nullable(z.int()),
  /** 'upcoming' | 'ongoing' | 'past' by the server's clock; cancelled events keep their time. */
  timing: z.enum(['upcoming', 'ongoing', 'past']),
});
export type PublicEvent = z.infer<typeof EventSchema>;

/** What the caller has to do with it: signed up, reminder asked, checked in. */
export const MyEventSchema = z.extend(EventSchema, {
  mine: z.nullable(z.object({ signedUp: z.boolean(), reminder: z.boolean(), checkedIn: z.boolean() })),
});
export type MyEvent = z.infer<typeof MyEventSchema>;

export const EventListQuerySchema = z.object({
  /** YYYY-MM: the month shown; the list also carries what comes after it, up to `count` events. */
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12'))),
  communityId: z.optional(z.string().check(z.maxLength(64))),
  type: z.optional(z.enum(EVENT_TYPES, { error: '活动类型不对' })),
  /** 1: past events too (kept for reference). */
  past: z.optional(z.enum(['0', '1'], { error: 'past 应为 0 或 1' })),
});

export const EventListSchema = z.object({
  events: z.array(EventSchema),
  /** The key dates of the year(s) the month belongs to, for marking the calendar. */
  keyDates: z.array(DatedKeyDateSchema),
  communities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type EventList = z.infer<typeof EventListSchema>;

export const EventParamsSchema = z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '活动编号格式不对')) });

export const SignUpSchema = z.object({
  /** How many come together (the person and family), counted against the places. */
  people: z._default(z.int('人数应为整数').check(z.gte(1, '至少 1 人'), z.lte(5, '一次最多为 5 人报名')), 1),
  /**
   * The sharer (`s`) and grid (`g`) of the card the page was opened with: the app reports the open
   * without waiting, so the sign-up carries them too and is attributed even if it arrives first.
   */
  sharer: ShareOpenSchema.shape.sharer,
  grid: ShareOpenSchema.shape.grid,
});

export const CheckInCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

export const StaffEventListSchema = z.object({ events: z.array(EventSchema) });

export const CancelEventSchema = z.object({ reason: text('取消原因（报名的人会收到）', 2, 200) });

export const SignUpRecordSchema = z.object({
  id: z.string(),
  /** The person as the office may see them: 微信用户/访客 with a short code, or the supervisor/grid worker's name. */
  who: z.string(),
  people: z.int(),
  signedUpAt: z.string(),
  checkedInAt: z.nullable(z.string()),
  /** The grid the sign-up came through, when it followed a shared card. */
  viaGrid: z.nullable(z.string()),
});
export const SignUpListSchema = z.object({ event: EventSchema, signUps: z.array(SignUpRecordSchema) });

export const CheckInSchema = z.union([
  z.object({ code: z.string({ error: '请扫描或输入签到码' }).check(z.trim(), z.minLength(4, '签到码格式不对'), z.maxLength(64, '签到码格式不对')) }),
  z.object({ signUpId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '报名编号格式不对')) }),
]);


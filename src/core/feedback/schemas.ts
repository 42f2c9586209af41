import * as z from 'zod/mini';
import { localDateSchema } from '../shared/schemas';
import { isLocalDate, isLocalTime } from '../shared/shanghai-time';
import { SessionSchema } from '../sessions/schemas';
import { MOBILE_PATTERN } from './mobile';

export const MIN_CONTENT = 10;
export const MAX_CONTENT = 2000;
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const FEEDBACK_KINDS = ['supervision', 'complaint', 'suggestion', 'inquiry'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  supervision: '监督意见',
  complaint: '投诉',
  suggestion: '建议',
  inquiry: '咨询',
};

export const FEEDBACK_STATUSES = ['pending', 'accepted', 'replied', 'closed', 'rejected'] as const;
export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES);

/**
 * The WeChat subscribe-message templates the product uses (DESIGN §3: at most 3 asked for at a time).
 * 'event' (活动提醒, the day before an event) comes last, so the feedback form's first three stay its own.
 */
export const NOTIFICATION_TEMPLATES = ['reply', 'status', 'session', 'event'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

const optionalText = (label: string, max: number) =>
  z.optional(
    z.nullable(
      z
        .string({ error: `${label}应为文字` })
        .check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)),
    ),
  );

/** A client-generated UUID: the idempotency key of one submission. */
export const ClientIdSchema = z
  .string({ error: '缺少提交编号' })
  .check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, '提交编号格式不对'));

/** A stored photo is named by the SHA-256 of its (metadata-free) bytes. */
export const PhotoIdSchema = z.string({ error: '照片编号格式不对' }).check(z.regex(/^[0-9a-f]{64}$/, '照片编号格式不对'));

/** `YYYY-MM-DDTHH:mm`, a wall-clock time in Shanghai. */
export const LocalDateTimeSchema = z
  .string({ error: '事发时间格式不对' })
  .check(
    z.refine((value) => {
      const [date, time] = value.split('T');
      return value.length === 16 && isLocalDate(date ?? '') && isLocalTime(time ?? '');
    }, '事发时间应为日期加时间，如 2026-05-01T09:30'),
  );

export const PlaceSchema = z.object({
  name: z
    .string({ error: '请填写地点' })
    .check(z.trim(), z.minLength(1, '请填写地点'), z.maxLength(100, '地点最多 100 个字')),
  latitude: z.optional(z.nullable(z.number().check(z.gte(-90, '纬度不对'), z.lte(90, '纬度不对')))),
  longitude: z.optional(z.nullable(z.number().check(z.gte(-180, '经度不对'), z.lte(180, '经度不对')))),
});

/**
 * One submission, as the form builds it and the server checks it. The same schema gives the form its
 * inline messages, so a message a resident reads is the one the server would answer with.
 */
export const SubmitFeedbackSchema = z
  .object({
    clientId: ClientIdSchema,
    stationId: z.string({ error: '请选择驿站' }).check(z.minLength(1, '请选择驿站'), z.maxLength(64, '驿站编号过长')),
    /** Sent from the station's QR code: the server still checks the session's hours. */
    onSite: z._default(z.boolean({ error: '现场提交标记应为是或否' }), false),
    kind: z.enum(FEEDBACK_KINDS, { error: '请选择反馈类型' }),
    categoryId: z.string({ error: '请选择类别' }).check(z.minLength(1, '请选择类别'), z.maxLength(64, '类别编号过长')),
    content: z
      .string({ error: '请填写反馈内容' })
      .check(
        z.trim(),
        z.minLength(MIN_CONTENT, `内容至少 ${MIN_CONTENT} 个字，请把事情说清楚`),
        z.maxLength(MAX_CONTENT, `内容最多 ${MAX_CONTENT} 个字`),
      ),
    photoIds: z._default(
      z.array(PhotoIdSchema).check(z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`)),
      [],
    ),
    place: z.optional(z.nullable(PlaceSchema)),
    incidentAt: z.optional(z.nullable(LocalDateTimeSchema)),
    anonymous: z._default(z.boolean({ error: '匿名开关应为是或否' }), false),
    mobile: z.optional(
      z.nullable(
        z
          .string({ error: '手机号应为 11 位数字' })
          .check(z.trim(), z.regex(MOBILE_PATTERN, '请填写 11 位大陆手机号，如 13812345678')),
      ),
    ),
    enforcementUnit: optionalText('执法单位', 100),
    caseReference: optionalText('案件编号', 64),
  })
  .check(
    z.refine((f) => f.kind !== 'supervision' || !!f.enforcementUnit, {
      error: '监督意见请填写执法单位',
      path: ['enforcementUnit'],
    }),
    z.refine((f) => f.kind !== 'supervision' || !!f.caseReference, {
      error: '监督意见请填写案件编号或执法文书号',
      path: ['caseReference'],
    }),
    z.refine((f) => !(f.anonymous && f.kind === 'supervision'), {
      error: '监督意见以监督员身份提交，不能匿名',
      path: ['anonymous'],
    }),
    z.refine((f) => !(f.anonymous && f.mobile), {
      error: '匿名反馈不能留手机号；需要电话联系请关闭匿名',
      path: ['mobile'],
    }),
    z.refine((f) => new Set(f.photoIds).size === f.photoIds.length, { error: '同一张照片只需上传一次', path: ['photoIds'] }),
  );
export type SubmitFeedback = z.infer<typeof SubmitFeedbackSchema>;
export type SubmitFeedbackInput = z.input<typeof SubmitFeedbackSchema>;

export const FeedbackFormQuerySchema = z.object({
  stationId: z.optional(z.string().check(z.maxLength(64, '驿站编号过长'))),
  onSite: z._default(z.enum(['0', '1'], { error: '现场提交标记 onSite 应为 0 或 1' }), '0'),
});

/** A session as an item refers to it: `originalDate` is its stable key, `date` the day it is held. */
export const SessionRefSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  originalDate: z.string(),
  date: z.string(),
  window: SessionSchema.shape.window,
  status: SessionSchema.shape.status,
  closed: z.boolean(),
});
export type SessionRef = z.infer<typeof SessionRefSchema>;

export const FeedbackFormSchema = z.object({
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  kinds: z.array(z.enum(FEEDBACK_KINDS)),
  stations: z.array(z.object({ id: z.string(), name: z.string() })),
  stationId: z.string(),
  /** Where the item would go if sent now; null only when the station has no session ahead. */
  session: z.nullable(SessionRefSchema),
  /** True when asked for on site and a session of the station is being held now. */
  onSiteAccepted: z.boolean(),
  /** Configured WeChat template ids; absent ones are never asked for. */
  subscribeTemplates: z.array(z.object({ kind: z.enum(NOTIFICATION_TEMPLATES), templateId: z.string() })),
});
export type FeedbackForm = z.infer<typeof FeedbackFormSchema>;

export const PhotoUploadedSchema = z.object({
  id: z.string(),
  mediaType: z.enum(PHOTO_TYPES),
  bytes: z.int(),
});

export const FeedbackIdParamsSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '反馈编号格式不对')),
});
export const PhotoParamsSchema = z.object({ photoId: PhotoIdSchema });

export const FEEDBACK_EVENT_ACTIONS = [
  'submitted',
  'accepted',
  'replied',
  'rejected',
  'closed',
  'rated',
  'reopened',
  'moved',
  'note',
  'flagged',
  'unflagged',
  'linked',
] as const;
export type FeedbackEventAction = (typeof FEEDBACK_EVENT_ACTIONS)[number];

/** Actions only the office ever sees. */
export const INTERNAL_EVENT_ACTIONS: readonly FeedbackEventAction[] = ['note', 'flagged', 'unflagged', 'linked'];

export const FeedbackEventSchema = z.object({
  at: z.string(),
  action: z.enum(FEEDBACK_EVENT_ACTIONS),
  /** Residents read the office's name; staff read the colleague's. Never the submitter of an anonymous item. */
  actor: z.string(),
  fromStatus: z.nullable(FeedbackStatusSchema),
  toStatus: z.nullable(FeedbackStatusSchema),
  /** Reply text, rejection reason, note, rating comment, or why the item moved. */
  text: z.nullable(z.string()),
  stars: z.nullable(z.int()),
  movedFrom: z.nullable(z.string()),
  movedTo: z.nullable(z.string()),
});
export type FeedbackEvent = z.infer<typeof FeedbackEventSchema>;

const PhotoRefSchema = z.object({ id: z.string(), url: z.string() });

const ItemCoreSchema = z.object({
  id: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  categoryId: z.string(),
  categoryName: z.string(),
  status: FeedbackStatusSchema,
  submittedAt: z.string(),
  replyDue: z.string(),
  session: SessionRefSchema,
});

export const MyFeedbackSummarySchema = z.extend(ItemCoreSchema, {
  excerpt: z.string(),
  anonymous: z.boolean(),
  rated: z.boolean(),
});
export type MyFeedbackSummary = z.infer<typeof MyFeedbackSummarySchema>;

export const MyFeedbackListSchema = z.object({ items: z.array(MyFeedbackSummarySchema) });

const ItemBodySchema = {
  content: z.string(),
  photos: z.array(PhotoRefSchema),
  place: z.nullable(z.object({ name: z.string(), latitude: z.nullable(z.number()), longitude: z.nullable(z.number()) })),
  incidentAt: z.nullable(z.string()),
  anonymous: z.boolean(),
  enforcementUnit: z.nullable(z.string()),
  caseReference: z.nullable(z.string()),
  events: z.array(FeedbackEventSchema),
  rating: z.nullable(z.object({ stars: z.int(), comment: z.nullable(z.string()), at: z.string() })),
};

/** The submitter's own view: the only one with the mobile number in full. */
export const MyFeedbackDetailSchema = z.extend(ItemCoreSchema, {
  ...ItemBodySchema,
  mobile: z.nullable(z.string()),
  canRate: z.boolean(),
});
export type MyFeedbackDetail = z.infer<typeof MyFeedbackDetailSchema>;

export const RateFeedbackSchema = z.object({
  stars: z
    .number({ error: '请选择 1–5 颗星' })
    .check(z.int('请选择 1–5 颗星'), z.gte(1, '请选择 1–5 颗星'), z.lte(5, '请选择 1–5 颗星')),
  comment: optionalText('评价', 200),
});

export const SubscribeSchema = z.object({
  accepted: z.array(z.enum(NOTIFICATION_TEMPLATES, { error: '未知的订阅消息类型' })).check(z.maxLength(3)),
});

export const StaffFeedbackSummarySchema = z.extend(ItemCoreSchema, {
  excerpt: z.string(),
  anonymous: z.boolean(),
  overdue: z.boolean(),
  flagged: z.boolean(),
  photoCount: z.int(),
  duplicateOf: z.nullable(z.string()),
  /** The session this item first went to, when it has since moved (carried over). */
  carriedFrom: z.nullable(z.string()),
});
export type StaffFeedbackSummary = z.infer<typeof StaffFeedbackSummarySchema>;

export const StaffFeedbackDetailSchema = z.extend(StaffFeedbackSummarySchema, {
  ...ItemBodySchema,
  /** '匿名' for anonymous items; otherwise who, as the office may know it (监督员 name, or 居民). */
  submitter: z.string(),
  mobileMasked: z.nullable(z.string()),
  duplicates: z.array(z.string()),
  reopened: z.boolean(),
});
export type StaffFeedbackDetail = z.infer<typeof StaffFeedbackDetailSchema>;

const booleanQuery = (label: string) => z.optional(z.enum(['0', '1'], { error: `${label}应为 0 或 1` }));

export const INBOX_PAGE_SIZE = 20;

export const InboxQuerySchema = z.object({
  stationId: z.optional(z.string().check(z.maxLength(64, '驿站编号过长'))),
  sessionDate: z.optional(localDateSchema('接待日')),
  status: z.optional(z.enum(FEEDBACK_STATUSES, { error: '状态不对' })),
  categoryId: z.optional(z.string().check(z.maxLength(64, '类别编号过长'))),
  kind: z.optional(z.enum(FEEDBACK_KINDS, { error: '类型不对' })),
  overdue: booleanQuery('超期筛选'),
  flagged: booleanQuery('研判筛选'),
  q: z.optional(z.string().check(z.trim(), z.maxLength(50, '搜索词最多 50 个字'))),
  page: z._default(
    z.coerce.number({ error: '页码应为数字' }).check(z.int('页码应为整数'), z.gte(1, '页码从 1 开始'), z.lte(10000, '页码过大')),
    1,
  ),
});

export const InboxSchema = z.object({
  items: z.array(StaffFeedbackSummarySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** The town's categories in their configured order: the choices of the inbox's category filter. */
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});

const staffText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.trim(), z.minLength(min, `${label}至少 ${min} 个字`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const FeedbackActionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept') }),
    z.object({ action: z.literal('reply'), text: staffText('答复', 5, 2000) }),
    z.object({ action: z.literal('reject'), reason: staffText('不予受理的理由', 2, 500) }),
    z.object({ action: z.literal('close') }),
    z.object({ action: z.literal('note'), text: staffText('内部备注', 1, 1000) }),
    z.object({ action: z.literal('flag'), flagged: z.boolean({ error: '研判标记应为是或否' }) }),
    z.object({ action: z.literal('link'), duplicateOf: FeedbackIdParamsSchema.shape.id }),
  ],
  { error: '未知的操作' },
);
export type FeedbackActionInput = z.infer<typeof FeedbackActionSchema>;

export const SessionSummarySchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  date: z.string(),
  originalDate: z.string(),
  closedAt: z.string(),
  /** Everything on the agenda when it closed, carried-in items included. */
  raised: z.int(),
  answered: z.int(),
  carriedOver: z.int(),
  byCategory: z.array(z.object({ categoryName: z.string(), raised: z.int(), answered: z.int() })),
  /** What the office wants residents to read; never a name. */
  note: z.nullable(z.string()),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const AgendaSchema = z.object({
  session: SessionRefSchema,
  items: z.array(StaffFeedbackSummarySchema),
  summary: z.nullable(SessionSummarySchema),
});
export type Agenda = z.infer<typeof AgendaSchema>;

export const CloseSessionSchema = z.object({ note: optionalText('公开说明', 500) });

/** What the office reads after closing a session: its summary, and where the open items went. */
export const SessionClosedSchema = z.extend(SessionSummarySchema, {
  /** The session the open items were carried to; null when none was open. */
  carriedTo: z.nullable(SessionRefSchema),
  carriedItemIds: z.array(z.string()),
});
export type SessionClosed = z.infer<typeof SessionClosedSchema>;

export const SessionChangeSchema = z.object({
  session: SessionRefSchema,
  itemsMoved: z.int(),
  /** Where a cancelled session's items went; null when it was moved (its items stay with it) or had none. */
  carriedTo: z.nullable(SessionRefSchema),
});

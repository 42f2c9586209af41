import * as z from 'zod/mini';

/** What a shared card can point at. */
export const SHARE_KINDS = ['event', 'session', 'quiz', 'contest', 'summary'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** A grid worker's short public code: it says who shared, and nothing else about them. */
export const SHARER_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{6}$/;

export const ShareOpenSchema = z.object({
  kind: z.enum(SHARE_KINDS, { error: '分享内容类型不对' }),
  /** The event or contest id, the session's `<station>/<date>`, or `daily/<Shanghai date>` for that day's daily quiz. */
  itemId: z.string({ error: '缺少分享内容' }).check(z.minLength(1, '缺少分享内容'), z.maxLength(100, '分享内容编号过长')),
  /** As the path carried them; a forged or stale pair is recorded as unattributed, never refused. */
  sharer: z.optional(z.string().check(z.maxLength(32))),
  grid: z.optional(z.string().check(z.maxLength(64))),
});
export type ShareOpen = z.infer<typeof ShareOpenSchema>;

export const ShareOpenedSchema = z.object({ attributed: z.boolean() });

const CountsSchema = {
  opens: z.int(),
  signUps: z.int(),
  quizTakers: z.int(),
};

export const MySharesSchema = z.object({
  sharerCode: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  items: z.array(z.extend(z.object({ kind: z.enum(SHARE_KINDS), itemId: z.string(), title: z.string() }), CountsSchema)),
});
export type MyShares = z.infer<typeof MySharesSchema>;

export const ShareBoardQuerySchema = z.object({
  from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式应为 2026-01-31'))),
  to: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式应为 2026-01-31'))),
});

const BoardRowSchema = z.extend(z.object({ id: z.string(), name: z.string(), population: z.nullable(z.int()) }), {
  ...CountsSchema,
  /** People reached (distinct openers) per 100 residents, one decimal; null without a population. */
  reachRate: z.nullable(z.number()),
});

export const ShareBoardSchema = z.object({
  byGrid: z.array(BoardRowSchema),
  byCommunity: z.array(BoardRowSchema),
  /** Opens of shared cards that carried no valid sharer. */
  unattributedOpens: z.int(),
});
export type ShareBoard = z.infer<typeof ShareBoardSchema>;

export const PosterCodeQuerySchema = z.object({
  kind: z.enum(SHARE_KINDS, { error: '分享内容类型不对' }),
  itemId: ShareOpenSchema.shape.itemId,
});

/**
 * What a WeChat mini-program code carries (at most 32 characters of "scene"): a short id the server
 * keeps for one poster's content and sharer. The page the code opens reads `scene` from its options
 * and asks GET /shares/scenes/:scene for what it stands for.
 */
export const SHARE_SCENE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/;

export const ShareSceneParamsSchema = z.object({
  scene: z.string().check(z.regex(SHARE_SCENE_PATTERN, '小程序码内容不对，请重新扫码')),
});

/** A poster code's content, in the terms a shared path carries (then sent to POST /shares/opens as usual). */
export const ShareSceneSchema = z.object({
  kind: z.enum(SHARE_KINDS),
  itemId: z.string(),
  sharer: z.nullable(z.string()),
  grid: z.nullable(z.string()),
});
export type ShareScene = z.infer<typeof ShareSceneSchema>;

import * as z from 'zod/mini';
import { localDateSchema, localTimeSchema } from '../shared/schemas';
import { minutesOfDay } from '../shared/shanghai-time';

const idSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '编号只能用小写字母、数字和连字符'));

const CommunitySchema = z.object({
  id: idSchema,
  name: z.string().check(z.minLength(1)),
  kind: z.enum(['社区', '村']),
  /** Residents, for contest participation rates; absent where the office has not given it. */
  population: z.optional(z.int().check(z.gte(1, '人口应为正整数'))),
});

const StationConfigSchema = z
  .object({
    id: idSchema,
    name: z.string().check(z.minLength(1)),
    subtitle: z.string(),
    communityId: idSchema,
    address: z.string().check(z.minLength(1)),
    latitude: z.number().check(z.gte(-90), z.lte(90)),
    longitude: z.number().check(z.gte(-180), z.lte(180)),
    daysOfMonth: z
      .array(z.int().check(z.gte(1, '接待日应在 1–31 日之间'), z.lte(31, '接待日应在 1–31 日之间')))
      .check(z.minLength(1, '至少要有一个接待日')),
    window: z.object({ start: localTimeSchema('开始时间'), end: localTimeSchema('结束时间') }),
  })
  .check(
    z.refine((station) => minutesOfDay(station.window.start) < minutesOfDay(station.window.end), {
      error: '接待时间的结束应晚于开始',
      path: ['window', 'end'],
    }),
  );

const GridSchema = z.object({
  id: idSchema,
  name: z.string().check(z.minLength(1)),
  communityId: idSchema,
  population: z.optional(z.int().check(z.gte(1, '人口应为正整数'))),
});

const FeedbackConfigSchema = z.object({
  categories: z
    .array(z.object({ id: idSchema, name: z.string().check(z.minLength(1), z.maxLength(30)) }))
    .check(z.minLength(1, '至少要配置一个反馈类别')),
  replyWorkingDays: z.int().check(z.gte(1, '答复期限至少 1 个工作日'), z.lte(60, '答复期限最多 60 个工作日')),
  /** The State Council's holiday arrangement: weekdays off, and weekend days worked (调休). */
  workCalendar: z.object({
    holidays: z.array(localDateSchema('节假日')),
    workdays: z.array(localDateSchema('调休上班日')),
  }),
});

/** How the public reaches the office (report 一(八): 公布了热线电话、电子信箱); shown on the public page. */
const ContactSchema = z.object({
  hotline: z.optional(z.string().check(z.regex(/^[0-9][0-9-]{4,19}$/, '热线电话只能含数字和连字符，如 023-47XXXXXX'))),
  email: z.optional(z.email('电子信箱格式不对')),
});

/** The town as configured in data/town.json: everything about a place that is not code. */
export const TownConfigSchema = z
  .object({
    name: z.string().check(z.minLength(1)),
    district: z.string(),
    city: z.string(),
    office: z.string(),
    communities: z.array(CommunitySchema).check(z.minLength(1)),
    stations: z.array(StationConfigSchema).check(z.minLength(1)),
    grids: z.array(GridSchema),
    feedback: FeedbackConfigSchema,
    contact: z.optional(ContactSchema),
  })
  .check(
    z.refine(
      (town) => town.stations.every((s) => town.communities.some((c) => c.id === s.communityId)),
      '每个驿站的 communityId 都必须是已配置的社区',
    ),
    z.refine(
      (town) => town.grids.every((g) => town.communities.some((c) => c.id === g.communityId)),
      '每个网格的 communityId 都必须是已配置的社区',
    ),
    z.refine(
      (town) => new Set(town.feedback.categories.map((c) => c.id)).size === town.feedback.categories.length,
      '反馈类别的编号不能重复',
    ),
  );
export type TownConfig = z.infer<typeof TownConfigSchema>;

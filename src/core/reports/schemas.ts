import * as z from 'zod/mini';
import { SessionSummarySchema } from '../feedback/schemas';
import { localDateSchema } from '../shared/schemas';
import { periodChecks } from './period-checks';

const communitySchema = z.optional(
  z.string({ error: '社区编号应为文字' }).check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '社区编号格式不对')),
);

/** A period of whole Shanghai days (both ends included) and, optionally, one community or village. */
export const ReportQuerySchema = z
  .object({ from: localDateSchema('开始日期'), to: localDateSchema('结束日期'), community: communitySchema })
  .check(...periodChecks);
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuerySchema = z
  .object({
    from: localDateSchema('开始日期'),
    to: localDateSchema('结束日期'),
    community: communitySchema,
    format: z.enum(EXPORT_FORMATS, { error: '导出格式只能是 xlsx 或 csv' }),
  })
  .check(...periodChecks);
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

const YEAR_RANGE = '年份应在 2000–2100 之间';
const CHOOSE_YEAR = '请选择年份';

/** A year from a query string (or a number); an empty or missing one asks for a choice, not a number. */
const yearSchema = z.pipe(
  z
    .union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? CHOOSE_YEAR : '年份应为数字') })
    .check(z.refine((value) => String(value).trim() !== '', CHOOSE_YEAR)),
  z.coerce.number<string | number>({ error: '年份应为数字' }).check(z.int('年份应为整数'), z.gte(2000, YEAR_RANGE), z.lte(2100, YEAR_RANGE)),
);

export const AnnualQuerySchema = z.object({ year: yearSchema });
/** The public page: this year unless one is named. */
export const TransparencyQuerySchema = z.object({ year: z.optional(yearSchema) });

/** One bar of a chart: a kind, category, status, type or theme and how many. */
const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.int() });
export type Count = z.infer<typeof CountSchema>;

const UnitFiguresSchema = z.object({
  id: z.string(),
  name: z.string(),
  population: z.nullable(z.int()),
  /** Distinct people who handed in a contest paper. */
  takers: z.int(),
  attempts: z.int(),
  averageScore: z.nullable(z.number()),
  /** Takers per 100 residents, one decimal; null where no population is configured. */
  rate: z.nullable(z.number()),
});

const QuizTotalsSchema = z.object({ takers: z.int(), attempts: z.int(), averageScore: z.nullable(z.number()) });

export const DashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  community: z.nullable(z.object({ id: z.string(), name: z.string() })),
  feedback: z.object({
    /** Items submitted in the period (at sessions of the community's stations when one is chosen). */
    total: z.int(),
    byKind: z.array(CountSchema),
    byCategory: z.array(CountSchema),
    /** Where those items stand now. */
    byStatus: z.array(CountSchema),
    bySession: z.array(
      z.object({ stationId: z.string(), stationName: z.string(), date: z.string(), items: z.int(), replied: z.int() }),
    ),
    /** Hours from submission to the first reply, over the items of the period that have one. */
    firstReply: z.object({ replied: z.int(), medianHours: z.nullable(z.number()), p90Hours: z.nullable(z.number()) }),
    /** Open items past their reply date today (Shanghai), whenever they were submitted. */
    overdueNow: z.int(),
    satisfaction: z.object({
      rated: z.int(),
      averageStars: z.nullable(z.number()),
      /** Rated 4–5, and its share of the rated, in percent. */
      satisfied: z.int(),
      satisfiedRate: z.nullable(z.number()),
      dissatisfied: z.int(),
    }),
    /** Items flagged for the joint assessment meeting (研判), by where they stand now. */
    assessment: z.object({ flagged: z.int(), byStatus: z.array(CountSchema) }),
  }),
  supervision: z.object({
    opinions: z.int(),
    activities: z.int(),
    bySupervisor: z.array(z.object({ supervisorId: z.string(), name: z.string(), opinions: z.int(), activities: z.int() })),
  }),
  events: z.object({
    /** Published events that started in the period and have ended. */
    held: z.int(),
    cancelled: z.int(),
    /** People at the events held: the count the office recorded, else those checked in. */
    attendance: z.int(),
    signedUp: z.int(),
    checkedIn: z.int(),
    byType: z.array(z.object({ key: z.string(), label: z.string(), events: z.int(), attendance: z.int() })),
    byTheme: z.array(z.object({ key: z.string(), label: z.string(), events: z.int(), attendance: z.int() })),
  }),
  quiz: z.object({
    contests: QuizTotalsSchema,
    /** Daily practice carries no community: town-wide only, null when a community is chosen. */
    daily: z.nullable(QuizTotalsSchema),
    byCommunity: z.array(UnitFiguresSchema),
    byGrid: z.array(UnitFiguresSchema),
    /**
     * Contest takers none of whose scored papers in the period carries a grid the town has configured.
     * They are in byCommunity (every paper names its community) but in no row of byGrid.
     */
    unassigned: z.int(),
  }),
  /** One point per month of the period, empty months included: the line charts. */
  monthly: z.array(
    z.object({ month: z.string(), feedback: z.int(), replied: z.int(), events: z.int(), quizAttempts: z.int() }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const ANNUAL_FIGURE_KEYS = [
  'sessions',
  'opinions',
  'responses',
  'assessed',
  'supervisorActivities',
  'events',
  'eventAttendance',
  'quizAttempts',
] as const;
export type AnnualFigureKey = (typeof ANNUAL_FIGURE_KEYS)[number];

export const AnnualFigureSchema = z.object({
  key: z.enum(ANNUAL_FIGURE_KEYS),
  /** As the report phrases it, e.g. 现场搜集监督意见. */
  label: z.string(),
  value: z.int(),
  /** 条, 项, 场, 次, 人次. */
  unit: z.string(),
});
export type AnnualFigure = z.infer<typeof AnnualFigureSchema>;

export const AnnualSummarySchema = z.object({
  year: z.int(),
  town: z.string(),
  office: z.string(),
  figures: z.array(AnnualFigureSchema),
  /** The figures as one paragraph of the report: 现场搜集监督意见 N 条、回应 N 条、…。 */
  text: z.string(),
});
export type AnnualSummary = z.infer<typeof AnnualSummarySchema>;

export const TransparencySchema = z.object({
  year: z.int(),
  town: z.string(),
  office: z.string(),
  /** From the town's configuration; a missing one is null and the page says so. */
  contact: z.object({ hotline: z.nullable(z.string()), email: z.nullable(z.string()) }),
  figures: z.array(AnnualFigureSchema),
  /** The year's published session summaries, latest first. */
  sessions: z.array(SessionSummarySchema),
});
export type Transparency = z.infer<typeof TransparencySchema>;

export const EventAttendanceSchema = z.object({
  attendance: z
    .int({ error: '实到人数应为整数' })
    .check(z.gte(0, '实到人数不能为负数'), z.lte(100_000, '实到人数过大，请核对')),
});

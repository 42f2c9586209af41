// A year of realistic data for the configured town, generated from a seed (issue 8): feedback with its
// whole history, sessions closed with their summaries, publicity events with sign-ups and check-ins,
// contests, daily practice and supervisors' enforcement-activity logs, all as the server would have
// written them and nothing after `now`. It returns a ledger counted in JS from what it generated (never
// read back with SQL), so that server tests can hold the dashboard and the annual summary against it.
// `npm run seed:year` fills a SQLite file with it for demos, and `npm run bench` exports from it.
import { hash } from '@node-rs/argon2';
import type { Insertable, Transaction } from 'kysely';
import type { EventType, KeyDate } from '../../src/core/events/schemas';
import type { FeedbackKind, SessionSummary } from '../../src/core/feedback/schemas';
import { isWorkingDay, replyDeadline, type WorkCalendar } from '../../src/core/feedback/reply-deadline';
import { isOpen, REOPENING_STARS, type FeedbackStatus } from '../../src/core/feedback/workflow';
import { BINDING_CODE_ALPHABET } from '../../src/core/identity/binding-code';
import { arrangeQuestion, drawContestPaper, type PaperEntry } from '../../src/core/quiz/contest-draw';
import { dailyDraw, seededRandom } from '../../src/core/quiz/daily-draw';
import type { Question } from '../../src/core/quiz/question';
import { scoreAnswers } from '../../src/core/quiz/scoring';
import type { AnnualFigureKey } from '../../src/core/reports/schemas';
import { periodInstants, yearPeriod } from '../../src/core/reports/period';
import { hoursBetween } from '../../src/core/reports/statistics';
import { sessionsBetween, type SessionRule } from '../../src/core/sessions/calendar';
import {
  addDays,
  daysBetween,
  daysInMonth,
  shanghaiDateOf,
  shanghaiTimeOf,
  weekdayOf,
  type LocalDate,
} from '../../src/core/shared/shanghai-time';
import { projectPath } from '../../src/server/config';
import type { Database, DatabaseSchema, EventTable } from '../../src/server/db/schema';
import { loadKeyDates } from '../../src/server/features/events/key-dates';
import { loadFeedbackSettings } from '../../src/server/features/feedback/feedback-settings';
import { contestBank } from '../../src/server/features/quiz/contest-store';
import { loadQuestions } from '../../src/server/features/quiz/question-bank';

export interface SeedYearOptions {
  year: number;
  feedbackItems: number;
  /** Same seed, same data (ids included); 1 unless given. */
  seed?: number;
  /** The generated year stops here: nothing submitted, answered, held or logged after it. */
  now: Date;
  /** data/key-dates.json unless given. */
  keyDates?: readonly KeyDate[];
}

export interface LedgerItem {
  id: string;
  kind: FeedbackKind;
  categoryId: string;
  stationId: string;
  communityId: string;
  /** The session it stands in now (after every carry-over). */
  sessionDate: LocalDate;
  onSite: boolean;
  anonymous: boolean;
  hasMobile: boolean;
  supervisorId: string | null;
  submittedAt: string;
  replyDue: LocalDate;
  status: FeedbackStatus;
  /** The earliest 'replied' event; null when none came before `now`. */
  firstReplyAt: string | null;
  flagged: boolean;
  reopened: boolean;
  /** The rating the item holds now (a reopening rating is cleared, as the server clears it). */
  ratingStars: number | null;
}

export interface LedgerSession {
  stationId: string;
  sessionDate: LocalDate;
  closedAt: string;
  raised: number;
  answered: number;
  carriedOver: number;
}

export interface LedgerEvent {
  id: string;
  type: EventType;
  theme: string;
  communityId: string;
  startsAt: string;
  endsAt: string;
  status: EventTable['status'];
  /** Published, and ended by `now`. */
  held: boolean;
  /** What the office recorded afterwards; null when it did not. */
  recordedAttendance: number | null;
  /** Active sign-ups and the people on them. */
  signUps: number;
  signedUpPeople: number;
  checkedInSignUps: number;
  checkedInPeople: number;
  /** As the report counts it: the recorded figure, else the people checked in. */
  attendance: number;
}

export interface LedgerAttempt {
  id: string;
  contestId: string;
  userId: string;
  communityId: string;
  gridId: string | null;
  submittedAt: string | null;
  /** Null until scored, and for a late paper. */
  score: number | null;
}

export interface LedgerDaily {
  userId: string;
  date: LocalDate;
  submittedAt: string | null;
  score: number | null;
}

export interface LedgerActivity {
  id: string;
  supervisorId: string;
  date: LocalDate;
}

type CountBy<K extends string> = Record<K, number>;

export interface YearLedger {
  year: number;
  seed: number;
  now: string;
  users: { total: number; wechat: number; guests: number };
  /** Office accounts made for the year (their password is random: reset one with `npm run admin`). */
  staff: { id: string; username: string; displayName: string }[];
  supervisors: { id: string; name: string; userId: string | null }[];
  gridWorkers: { id: string; gridId: string; userId: string }[];
  feedback: {
    items: LedgerItem[];
    total: number;
    byKind: CountBy<FeedbackKind>;
    byCategory: Record<string, number>;
    byStatus: CountBy<FeedbackStatus>;
    /** Items with at least one reply. */
    replied: number;
    flagged: number;
    supervisionOpinions: number;
    anonymous: number;
    withMobile: number;
    reopened: number;
    /** Open and past their reply date at `now` (Shanghai). */
    overdueNow: number;
    /** Submission to first reply, one per replied item, in item order. */
    firstReplyHours: number[];
    /** The ratings items hold now. */
    ratings: number[];
    /** Rows of feedback_event. */
    historyRows: number;
  };
  sessions: { closed: LedgerSession[]; cancelled: { stationId: string; sessionDate: LocalDate }[] };
  activities: { items: LedgerActivity[]; total: number };
  events: {
    items: LedgerEvent[];
    held: number;
    cancelled: number;
    attendance: number;
  };
  quiz: {
    contests: { id: string; title: string; startsAt: string; endsAt: string }[];
    attempts: LedgerAttempt[];
    scoredAttempts: number;
    /** Distinct people with a scored attempt. */
    takers: number;
    daily: LedgerDaily[];
    dailySubmitted: number;
  };
  /** The year's figures as the annual summary defines them (common definitions of issue 8). */
  annual: Record<AnnualFigureKey, number>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// PostgreSQL takes at most 65,535 bound values per statement, SQLite (3.32+) 32,766.
const MAX_BIND_PARAMETERS = 30_000;
const OFFICE_OPENS_MS = 8.5 * HOUR_MS;
const OFFICE_CLOSES_MS = 17.5 * HOUR_MS;
const CARRIED_OVER_AT_CLOSE = '接待日结束时尚未办结，转入下一次接待日';
const CARRIED_OVER_AT_REOPEN = '退回重新办理时原接待日已结束，转入下一次接待日';
const ANSWERED: readonly FeedbackStatus[] = ['replied', 'closed', 'rejected'];

// ---------------------------------------------------------------------------------------------------
// Randomness and time

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(`year-data:${seed}`);
  }

  float(): number {
    return this.next();
  }

  /** min…max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID from the stream, so that ids repeat with the seed. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () => ((this.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  chars(alphabet: string, length: number): string {
    return Array.from({ length }, () => this.pick(alphabet.split(''))).join('');
  }
}

/** Pure calendar answers asked hundreds of thousands of times over a few hundred days: computed once each. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const dayStartMs = memo((date: LocalDate) => Date.parse(`${date}T00:00:00+08:00`));
const dateOfDayNumber = memo((day: number) => shanghaiDateOf(new Date(day * DAY_MS - SHANGHAI_OFFSET_MS)));
const nextDay = memo((date: LocalDate) => addDays(date, 1));

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function dayOf(ms: number): LocalDate {
  return dateOfDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** Shanghai wall-clock minutes of the day. */
function minuteOfDay(ms: number): number {
  return Math.floor((ms - dayStartMs(dayOf(ms))) / 60_000);
}

interface Clock {
  random: Random;
  isWorkingDay: (date: LocalDate) => boolean;
}

/**
 * When the office acts `workingDays` working days after `fromMs`, within office hours (0: later the same
 * working day when there is time left, else the next working day).
 */
function officeTime({ random, isWorkingDay: working }: Clock, fromMs: number, workingDays: number): number {
  let date = dayOf(fromMs);
  if (workingDays === 0 && working(date)) {
    const earliest = Math.max(fromMs + 15 * 60_000, dayStartMs(date) + OFFICE_OPENS_MS);
    const closes = dayStartMs(date) + OFFICE_CLOSES_MS;
    if (earliest < closes) return earliest + random.float() * (closes - earliest);
  }
  let counted = 0;
  while (counted < Math.max(1, workingDays)) {
    date = nextDay(date);
    if (working(date)) counted += 1;
  }
  return dayStartMs(date) + OFFICE_OPENS_MS + random.float() * (OFFICE_CLOSES_MS - OFFICE_OPENS_MS);
}

/** A resident acts between `minHours` and `maxHours` later, in their waking hours (07:00–23:00). */
function residentTime(random: Random, fromMs: number, minHours: number, maxHours: number): number {
  const at = fromMs + (minHours + random.float() * (maxHours - minHours)) * HOUR_MS;
  const minute = minuteOfDay(at);
  if (minute >= 7 * 60 && minute < 23 * 60) return at;
  const morning = dayStartMs(minute >= 23 * 60 ? nextDay(dayOf(at)) : dayOf(at)) + 7 * HOUR_MS;
  return morning + random.float() * 3 * HOUR_MS;
}

const RESIDENT_HOURS: readonly (readonly [number, number])[] = [
  [7, 2], [8, 4], [9, 6], [10, 6], [11, 5], [12, 4], [13, 3], [14, 4],
  [15, 5], [16, 5], [17, 4], [18, 4], [19, 6], [20, 7], [21, 6], [22, 3],
];

function residentMomentOfDay(random: Random, date: LocalDate): number {
  return dayStartMs(date) + random.weighted(RESIDENT_HOURS) * HOUR_MS + random.float() * HOUR_MS;
}

// ---------------------------------------------------------------------------------------------------
// Words

const FIRST_CATEGORY_WEIGHTS = [40, 12, 12, 10, 10, 8, 8];

const TOPICS: Record<string, readonly string[]> = {
  'city-management': ['占道经营', '机动车违停', '夜市油烟', '流动摊贩堵路'],
  'illegal-building': ['违法搭建', '楼顶加盖彩钢棚', '占用公共通道建房'],
  transport: ['非法营运载客', '货车超限超载', '客车超员'],
  'fishery-river': ['禁渔期非法捕捞', '禁钓区垂钓', '电鱼'],
  market: ['销售过期食品', '缺斤少两', '无证经营'],
  environment: ['噪声扰民', '污水直排', '露天焚烧垃圾'],
  other: ['路灯损坏', '邻里纠纷', '法律咨询'],
};

const PLACE_SUFFIXES = ['菜市场门口', '农贸市场', '滨江路', '老街', '小学门口', '卫生院旁', '客运站', '长江码头', '小区大门', '文化广场'];

const TEMPLATES: Record<FeedbackKind, readonly string[]> = {
  complaint: [
    '{place}的{topic}问题，执法人员来处理时没有出示执法证件，态度也比较生硬，希望规范执法。',
    '{place}的{topic}已经反映三次了，执法队员每次来看一下就走，问题一直没有解决。',
    '执法人员在{place}处理{topic}时直接把老人的东西拿走了，没有开具任何单据，也没说依据。',
  ],
  suggestion: [
    '建议在{place}设置便民疏导点，既解决{topic}的问题，也方便周边群众。',
    '{place}的{topic}比较突出，建议执法部门错峰巡查，早上七点前后来一次效果最好。',
    '建议对{place}的{topic}先教育提醒再处罚，同时多开展法律宣传，让大家知道规矩。',
  ],
  inquiry: [
    '请问{topic}归哪个部门管？在{place}遇到了应该找谁反映？',
    '想咨询一下，{topic}的处罚标准是什么，有没有书面依据可以看？',
    '{place}有人说{topic}只要交钱就可以了事，这个说法对吗？',
  ],
  supervision: [
    '现场参加{unit}在{place}开展的{topic}执法检查，执法人员着装规范、亮证执法，但告知当事人陈述申辩权利不够完整。',
    '{unit}办理{topic}案件时现场取证照片不全，建议补充证据并规范执法文书送达。',
    '监督发现{place}的{topic}案件办理超过承诺时限，建议{unit}说明原因并加快办理。',
  ],
};

const REPLIES = [
  '您反映的问题已转交{unit}，经现场核查已责令整改，后续将持续跟踪。',
  '经核实，{topic}情况属实，执法人员已依法处理，感谢您的监督。',
  '您咨询的问题答复如下：{topic}由{unit}负责，也可在接待日到驿站现场咨询。',
  '已联系{unit}到现场处理，处理结果将在下次接待日通报。',
];

const REJECT_REASONS = [
  '不属于行政执法监督范围，建议通过 12345 热线反映',
  '反映内容不具体，无法核实，请补充时间和地点后重新提交',
  '该事项已进入司法程序，依法不予受理',
];

const NOTES = ['已电话联系执法大队，对方答应本周内到现场', '需与村（社区）核实具体位置', '下次接待日现场答复', '涉及多个部门，建议提交研判'];

const ACTIVITY_OBSERVATIONS = [
  '执法人员亮证执法，现场告知当事人权利义务，程序规范。',
  '随同开展集中整治，执法文书填写完整，但现场照片留存不够清晰。',
  '执法过程文明规范，当事人当场签字确认，未发现违规情形。',
  '检查中执法人员对当事人以教育为主，处罚前进行了充分说明。',
];

const SESSION_NOTES = ['本次接待日现场答复群众反映的问题，未办结事项转入下一次接待日继续办理。', null];

const YUANBA_THEMES: readonly (readonly [string, string | null])[] = [
  ['民法典·婚姻家庭编', '民法典'],
  ['防范电信网络诈骗', '反电信网络诈骗法'],
  ['农村土地承包与流转', '农村土地承包法'],
  ['安全生产进农家', '安全生产法'],
  ['保护未成年人', '未成年人保护法'],
  ['法律援助在身边', '法律援助法'],
  ['道路交通安全', '道路交通安全法'],
  ['邻里纠纷怎么办', '民法典'],
];

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const GIVEN_NAMES = ['建国', '秀英', '志强', '红梅', '永福', '丽华', '德明', '晓燕', '国庆', '春兰'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

// ---------------------------------------------------------------------------------------------------
// The town as the database holds it

interface Community {
  id: string;
  name: string;
  population: number | null;
  grids: { id: string; name: string; population: number | null }[];
}

interface Station {
  id: string;
  name: string;
  communityId: string;
  address: string;
  latitude: number;
  longitude: number;
  rule: SessionRule;
}

interface Town {
  name: string;
  district: string;
  office: string;
  communities: Community[];
  stations: Station[];
  categories: { id: string; name: string }[];
  replyWorkingDays: number;
  calendar: WorkCalendar;
  civilCode: Question[];
}

async function readTown(db: Database): Promise<Town> {
  const town = await db.selectFrom('town').select(['name', 'district', 'office']).where('id', '=', 1).executeTakeFirst();
  if (!town) throw new Error('seedYear needs the town configuration in the database (seedTownIfEmpty)');
  const [communities, grids, stations, categories, settings, civilCode] = await Promise.all([
    db.selectFrom('community').select(['id', 'name', 'population']).orderBy('id').execute(),
    db.selectFrom('grid').select(['id', 'name', 'communityId', 'population']).orderBy('id').execute(),
    db.selectFrom('station').selectAll().orderBy('position').execute(),
    db.selectFrom('feedbackCategory').select(['id', 'name']).orderBy('position').execute(),
    loadFeedbackSettings(db),
    loadQuestions(db, { law: 'civil-code' }),
  ]);
  if (stations.length === 0 || categories.length === 0) throw new Error('seedYear needs stations and feedback categories');
  if (civilCode.length < 20) throw new Error('seedYear needs the question bank (seedQuestionBank) for contests and daily practice');
  return {
    ...town,
    communities: communities.map((c) => ({
      id: c.id,
      name: c.name,
      population: c.population === null ? null : Number(c.population),
      grids: grids
        .filter((g) => g.communityId === c.id)
        .map((g) => ({ id: g.id, name: g.name, population: g.population === null ? null : Number(g.population) })),
    })),
    stations: stations.map((s) => ({
      id: s.id,
      name: s.name,
      communityId: s.communityId,
      address: s.address,
      latitude: Number(s.latitude),
      longitude: Number(s.longitude),
      rule: { daysOfMonth: s.daysOfMonth.split(',').map(Number), window: { start: s.windowStart, end: s.windowEnd } },
    })),
    categories,
    replyWorkingDays: settings.replyWorkingDays,
    calendar: settings.calendar,
    civilCode,
  };
}

function enforcementUnits(town: Town): { name: string; short: string }[] {
  return [
    { name: `${town.district}城市管理局`, short: '城管' },
    { name: `${town.name}综合行政执法大队`, short: '综执' },
    { name: `${town.district}交通运输综合行政执法支队`, short: '交执' },
    { name: `${town.district}农业农村委员会渔政执法大队`, short: '渔政' },
    { name: `${town.district}市场监督管理局`, short: '市监' },
    { name: `${town.district}生态环境局`, short: '环' },
  ];
}

/** The unit that usually handles a category, by its place in the configured list (城市管理 first). */
const UNIT_OF_CATEGORY_POSITION = [0, 1, 2, 3, 4, 5, 1];

// ---------------------------------------------------------------------------------------------------
// Rows being built

interface Rows {
  appUser: Insertable<DatabaseSchema['appUser']>[];
  staffAccount: Insertable<DatabaseSchema['staffAccount']>[];
  supervisor: Insertable<DatabaseSchema['supervisor']>[];
  gridWorker: Insertable<DatabaseSchema['gridWorker']>[];
  sessionOverride: Insertable<DatabaseSchema['sessionOverride']>[];
  feedbackItem: Insertable<DatabaseSchema['feedbackItem']>[];
  feedbackEvent: Insertable<DatabaseSchema['feedbackEvent']>[];
  sessionRecord: Insertable<DatabaseSchema['sessionRecord']>[];
  event: Insertable<DatabaseSchema['event']>[];
  eventSignUp: Insertable<DatabaseSchema['eventSignUp']>[];
  contest: Insertable<DatabaseSchema['contest']>[];
  contestAttempt: Insertable<DatabaseSchema['contestAttempt']>[];
  quizDaily: Insertable<DatabaseSchema['quizDaily']>[];
  quizWrongAnswer: Insertable<DatabaseSchema['quizWrongAnswer']>[];
  enforcementActivity: Insertable<DatabaseSchema['enforcementActivity']>[];
}

/** The order tables are filled in: each after those it refers to. */
const TABLE_ORDER: readonly (keyof Rows)[] = [
  'appUser',
  'staffAccount',
  'supervisor',
  'gridWorker',
  'sessionOverride',
  'feedbackItem',
  'feedbackEvent',
  'sessionRecord',
  'event',
  'eventSignUp',
  'contest',
  'contestAttempt',
  'quizDaily',
  'quizWrongAnswer',
  'enforcementActivity',
];

interface Person {
  id: string;
  kind: 'wechat' | 'guest';
  /** Created before the year (an old user), else just before first use. */
  existedBefore: boolean;
  firstUse: number;
}

interface Context extends Clock {
  town: Town;
  year: number;
  nowMs: number;
  yearStartMs: number;
  yearEndMs: number;
  /** The last Shanghai day of the year that has begun by `now`. */
  lastDay: LocalDate;
  rows: Rows;
  residents: Person[];
  staff: { id: string; username: string; displayName: string }[];
  units: { name: string; short: string }[];
  /** The reply deadline of an item submitted on a day (it depends on the day only). */
  replyDueOn: (date: LocalDate) => LocalDate;
}

function touch(person: Person, ms: number): void {
  if (ms < person.firstUse) person.firstUse = ms;
}

function newPerson(context: Context, kind: 'wechat' | 'guest', existedBefore: boolean): Person {
  return { id: context.random.uuid(), kind, existedBefore, firstUse: Number.POSITIVE_INFINITY };
}

function personName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`;
}

// ---------------------------------------------------------------------------------------------------
// Sessions

interface HeldSession {
  stationId: string;
  date: LocalDate;
  startsMs: number;
  endsMs: number;
  /** Infinity while not closed by `now`. */
  closedMs: number;
  closedBy: string;
  /** Items on its agenda when it closed: the summary's counts. */
  agenda: { categoryId: string; status: FeedbackStatus; carried: boolean }[];
}

interface StationCalendar {
  station: Station;
  held: HeldSession[];
  byDate: Map<LocalDate, HeldSession>;
}

/**
 * Each station's sessions over the year and a little beyond (where the last items carry over to). A
 * session on a public holiday is cancelled the day before the one ahead of it, before any item could
 * be assigned to it; sessions of the year are closed the day they are held, after their hours.
 */
function planSessions(context: Context): Map<string, StationCalendar> {
  const { town, random, year, nowMs } = context;
  const from = `${year - 1}-12-01`;
  const to = addDays(context.lastDay, 93);
  const calendars = new Map<string, StationCalendar>();
  for (const station of town.stations) {
    const sessions = sessionsBetween(station.rule, [], from, to);
    const held: HeldSession[] = [];
    for (const [index, session] of sessions.entries()) {
      const previous = sessions[index - 1];
      const cancelledAt = previous ? dayStartMs(addDays(previous.date, -1)) + 10 * HOUR_MS : Number.NaN;
      const cancel =
        session.date.startsWith(`${year}-`) && town.calendar.holidays.includes(session.date) && cancelledAt <= nowMs;
      if (cancel) {
        context.rows.sessionOverride.push({
          stationId: station.id,
          originalDate: session.date,
          kind: 'cancelled',
          newDate: null,
          newWindowStart: null,
          newWindowEnd: null,
          reason: `${session.date} 为法定节假日，本次接待日取消，事项顺延至下一次接待日`,
          createdAt: iso(cancelledAt),
        });
        continue;
      }
      // Closed once the day's window is over: no item can arrive on site after its session closed.
      const closes = Date.parse(session.endsAt) + (0.5 + random.float() * 1.5) * HOUR_MS;
      const closedMs = session.date.startsWith(`${year}-`) && closes <= nowMs ? closes : Number.POSITIVE_INFINITY;
      held.push({
        stationId: station.id,
        date: session.date,
        startsMs: Date.parse(session.startsAt),
        endsMs: Date.parse(session.endsAt),
        closedMs,
        closedBy: random.pick(context.staff).id,
        agenda: [],
      });
    }
    calendars.set(station.id, { station, held, byDate: new Map(held.map((s) => [s.date, s])) });
  }
  return calendars;
}

/** The first held session starting after `ms`: where an item sent then goes. */
function nextStartingAfter(calendar: StationCalendar, ms: number): HeldSession {
  const found = calendar.held.find((s) => s.startsMs > ms);
  if (!found) throw new Error(`No session of ${calendar.station.id} after ${iso(ms)}`);
  return found;
}

/** Where an item of `from` carries over to at `ms`: the first session after its day not yet over. */
function nextOpen(calendar: StationCalendar, from: HeldSession, ms: number): HeldSession {
  const endOfDay = dayStartMs(from.date) + 23 * HOUR_MS + 59 * 60_000;
  const searchFrom = Math.max(endOfDay, ms);
  const found = calendar.held.find((s) => s.startsMs > endOfDay && s.endsMs > searchFrom && s.closedMs > ms);
  if (!found) throw new Error(`No open session of ${calendar.station.id} after ${from.date}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Feedback

type Planned =
  | { at: number; action: 'submitted' }
  | { at: number; action: 'accepted' | 'closed'; staffId: string }
  | { at: number; action: 'replied' | 'rejected'; staffId: string; text: string }
  | { at: number; action: 'rated'; stars: number; comment: string | null }
  | { at: number; action: 'reopened'; stars: number }
  | { at: number; action: 'flagged'; staffId: string }
  | { at: number; action: 'note'; staffId: string; text: string };

const STATUS_AFTER: Partial<Record<Planned['action'], FeedbackStatus>> = {
  submitted: 'pending',
  accepted: 'accepted',
  replied: 'replied',
  rejected: 'rejected',
  closed: 'closed',
  reopened: 'accepted',
};

function replyDelayWorkingDays(random: Random, onSite: boolean): number {
  if (onSite && random.chance(0.4)) return 0;
  return random.weighted<() => number>([
    [() => 0, 25],
    [() => random.int(1, 2), 30],
    [() => random.int(3, 5), 25],
    [() => random.int(6, 8), 15],
    [() => random.int(9, 10), 4],
    // Late ones: these are what turns up overdue.
    [() => random.int(12, 20), 1],
  ])();
}

const STARS: readonly (readonly [number, number])[] = [[5, 55], [4, 28], [3, 9], [2, 5], [1, 3]];

function ratingComment(random: Random, stars: number): string | null {
  if (stars >= 5) return random.chance(0.5) ? '处理很及时，谢谢！' : null;
  if (stars === 4) return random.chance(0.3) ? '基本满意' : null;
  if (stars <= REOPENING_STARS) return random.pick(['问题没有解决', '答复敷衍，现场还是老样子']);
  return null;
}

/** After a reply: perhaps closed, perhaps rated; a low first rating sends it back for another reply. */
function planAfterReply(context: Context, plan: Planned[], replyAt: number, reopened: boolean, words: Record<string, string>): void {
  const { random } = context;
  const staffId = () => random.pick(context.staff).id;
  const closeAt = random.chance(0.6) ? officeTime(context, replyAt, random.int(1, 10)) : null;
  const rateAt = random.chance(0.35) ? residentTime(random, replyAt, 2, 120) : null;
  if (closeAt !== null && (rateAt === null || closeAt < rateAt)) plan.push({ at: closeAt, action: 'closed', staffId: staffId() });
  if (rateAt === null) return;
  const stars = random.weighted(STARS);
  plan.push({ at: rateAt, action: 'rated', stars, comment: ratingComment(random, stars) });
  if (stars <= REOPENING_STARS && !reopened) {
    plan.push({ at: rateAt, action: 'reopened', stars });
    const again = officeTime(context, rateAt, random.int(1, 5));
    plan.push({ at: again, action: 'replied', staffId: staffId(), text: fill(random.pick(REPLIES), words) });
    planAfterReply(context, plan, again, true, words);
    return;
  }
  if (closeAt !== null && closeAt >= rateAt) plan.push({ at: closeAt, action: 'closed', staffId: staffId() });
}

/** Everything the office and the submitter would do with the item, in order; cut at `now` by the caller. */
function planItem(context: Context, submittedMs: number, onSite: boolean, words: Record<string, string>): Planned[] {
  const { random } = context;
  const staffId = () => random.pick(context.staff).id;
  const plan: Planned[] = [{ at: submittedMs, action: 'submitted' }];
  if (random.chance(0.05)) {
    const at = officeTime(context, submittedMs, random.int(0, 3));
    plan.push({ at, action: 'rejected', staffId: staffId(), text: random.pick(REJECT_REASONS) });
    return plan;
  }
  let cursor = submittedMs;
  if (random.chance(0.75)) {
    cursor = officeTime(context, submittedMs, random.weighted([[0, 50], [1, 35], [2, 15]]));
    plan.push({ at: cursor, action: 'accepted', staffId: staffId() });
  }
  let replyAt = officeTime(context, submittedMs, replyDelayWorkingDays(random, onSite));
  if (replyAt <= cursor) replyAt = officeTime(context, cursor, 0);
  plan.push({ at: replyAt, action: 'replied', staffId: staffId(), text: fill(random.pick(REPLIES), words) });
  planAfterReply(context, plan, replyAt, false, words);
  return plan;
}

interface GeneratedItem {
  ledger: LedgerItem;
  historyRows: number;
}

/**
 * Walks the item's planned history up to `now` beside its station's session closes: an item still open
 * when its session closes is carried to the next one, and one reopened after its session closed moves
 * on too, each with its 'moved' event, exactly as closing and rating do on the server.
 */
function walkItem(
  context: Context,
  calendar: StationCalendar,
  item: Insertable<DatabaseSchema['feedbackItem']> & { id: string; submittedAt: string; categoryId: string },
  assigned: HeldSession,
  plan: Planned[],
): GeneratedItem {
  const { nowMs } = context;
  const events: Insertable<DatabaseSchema['feedbackEvent']>[] = [];
  const add = (event: Omit<Insertable<DatabaseSchema['feedbackEvent']>, 'itemId' | 'seq'>) =>
    events.push({
      itemId: item.id,
      seq: events.length + 1,
      staffId: null,
      fromStatus: null,
      toStatus: null,
      text: null,
      stars: null,
      movedFrom: null,
      movedTo: null,
      linkedItemId: null,
      ...event,
    });

  let session = assigned;
  let settledIn: HeldSession | null = null;
  let status: FeedbackStatus = 'pending';
  const closesUpTo = (limit: number) => {
    while (session !== settledIn && session.closedMs <= limit) {
      const closing = session;
      const carried = isOpen(status);
      closing.agenda.push({ categoryId: item.categoryId, status, carried });
      if (!carried) {
        settledIn = closing;
        return;
      }
      session = nextOpen(calendar, closing, closing.closedMs);
      add({
        at: iso(closing.closedMs),
        action: 'moved',
        actorKind: 'staff',
        staffId: closing.closedBy,
        movedFrom: closing.date,
        movedTo: session.date,
        text: CARRIED_OVER_AT_CLOSE,
      });
    }
  };

  // The office's chain stops at the first step not yet taken; flags and notes stand on their own.
  const chain = plan.filter((step) => step.action !== 'flagged' && step.action !== 'note');
  const firstFuture = chain.findIndex((step) => step.at > nowMs);
  const asides = plan.filter((step) => (step.action === 'flagged' || step.action === 'note') && step.at <= nowMs);
  const happened = [...(firstFuture === -1 ? chain : chain.slice(0, firstFuture)), ...asides];
  happened.sort((a, b) => a.at - b.at);

  let replyDue = item.replyDue as string;
  let reopened = false;
  let flagged = false;
  let rating: { stars: number; comment: string | null; at: string } | null = null;
  let firstReplyAt: string | null = null;
  for (const step of happened) {
    closesUpTo(step.at);
    const at = iso(step.at);
    const from = status;
    const to = STATUS_AFTER[step.action];
    switch (step.action) {
      case 'submitted':
        add({ at, action: 'submitted', actorKind: 'submitter', toStatus: 'pending' });
        break;
      case 'accepted':
      case 'closed':
        add({ at, action: step.action, actorKind: 'staff', staffId: step.staffId, fromStatus: from, toStatus: to });
        break;
      case 'replied':
      case 'rejected':
        add({ at, action: step.action, actorKind: 'staff', staffId: step.staffId, fromStatus: from, toStatus: to, text: step.text });
        if (step.action === 'replied') firstReplyAt ??= at;
        break;
      case 'rated':
        add({ at, action: 'rated', actorKind: 'submitter', fromStatus: from, toStatus: from, stars: step.stars, text: step.comment });
        rating = { stars: step.stars, comment: step.comment, at };
        break;
      case 'reopened':
        add({ at, action: 'reopened', actorKind: 'system', fromStatus: from, toStatus: to, text: `评价 ${step.stars} 星，退回重新办理` });
        reopened = true;
        rating = null;
        replyDue = context.replyDueOn(dayOf(step.at));
        break;
      case 'flagged':
        add({ at, action: 'flagged', actorKind: 'staff', staffId: step.staffId });
        flagged = true;
        break;
      case 'note':
        add({ at, action: 'note', actorKind: 'staff', staffId: step.staffId, text: step.text });
        break;
    }
    if (to) status = to;
    if (step.action === 'reopened' && session.closedMs <= step.at) {
      const closed = session;
      session = nextOpen(calendar, closed, step.at);
      add({ at, action: 'moved', actorKind: 'system', movedFrom: closed.date, movedTo: session.date, text: CARRIED_OVER_AT_REOPEN });
    }
  }
  closesUpTo(nowMs);

  const row = {
    ...item,
    status,
    sessionDate: session.date,
    reopened: reopened ? 1 : 0,
    flagged: flagged ? 1 : 0,
    replyDue,
    ratingStars: rating?.stars ?? null,
    ratingComment: rating?.comment ?? null,
    ratedAt: rating?.at ?? null,
  };
  context.rows.feedbackItem.push(row);
  context.rows.feedbackEvent.push(...events);
  return {
    historyRows: events.length,
    ledger: {
      id: item.id,
      kind: item.kind,
      categoryId: item.categoryId,
      stationId: calendar.station.id,
      communityId: calendar.station.communityId,
      sessionDate: session.date,
      onSite: item.onSite === 1,
      anonymous: item.anonymous === 1,
      hasMobile: item.mobile !== null && item.mobile !== undefined,
      supervisorId: item.supervisorId ?? null,
      submittedAt: item.submittedAt,
      replyDue,
      status,
      firstReplyAt,
      flagged,
      reopened,
      ratingStars: rating?.stars ?? null,
    },
  };
}

/** Per station, each day's weight: sessions draw people, the days around them a little, holidays fewer. */
function dayWeights(context: Context, calendar: StationCalendar): { days: LocalDate[]; cumulative: number[] } {
  const days: LocalDate[] = [];
  const cumulative: number[] = [];
  let total = 0;
  const first = `${context.year}-01-01`;
  for (let day = first; day <= context.lastDay; day = nextDay(day)) {
    let weight = 1;
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) weight = 0.6;
    if (context.town.calendar.holidays.includes(day)) weight = 0.4;
    if (calendar.byDate.has(day)) weight = 8;
    else if (calendar.byDate.has(nextDay(day))) weight = 1.6;
    else if (calendar.byDate.has(addDays(day, -1)) || calendar.byDate.has(addDays(day, -2))) weight = 1.3;
    total += weight;
    days.push(day);
    cumulative.push(total);
  }
  return { days, cumulative };
}

function pickDay(random: Random, weights: { days: LocalDate[]; cumulative: number[] }): LocalDate {
  const target = random.float() * weights.cumulative[weights.cumulative.length - 1];
  let low = 0;
  let high = weights.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (weights.cumulative[middle] > target) high = middle;
    else low = middle + 1;
  }
  return weights.days[low];
}

function mobileNumber(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

interface SupervisorPerson {
  id: string;
  name: string;
  user: Person | null;
}

function generateFeedback(
  context: Context,
  calendars: Map<string, StationCalendar>,
  supervisors: SupervisorPerson[],
  count: number,
): { items: LedgerItem[]; historyRows: number } {
  const { random, town, nowMs, year } = context;
  const bound = supervisors.filter((s) => s.user !== null);
  const monthsElapsed = Math.max(1, Math.round((Math.min(nowMs, context.yearEndMs) - context.yearStartMs) / (30 * DAY_MS)));
  // Supervisors file a dozen or so a month each, however busy the residents are.
  const supervision = Math.min(Math.round(count * 0.05), bound.length * 12 * monthsElapsed);
  const stationList = [...calendars.values()];
  const weights = new Map(stationList.map((calendar) => [calendar.station.id, dayWeights(context, calendar)]));
  const categoryWeights = town.categories.map((category, position) => [category, FIRST_CATEGORY_WEIGHTS[position] ?? 5] as const);
  const items: LedgerItem[] = [];
  let historyRows = 0;
  for (let n = 0; n < count; n += 1) {
    const kind: FeedbackKind =
      n < supervision ? 'supervision' : random.weighted<FeedbackKind>([['complaint', 35], ['suggestion', 32], ['inquiry', 33]]);
    const calendar = random.pick(stationList);
    const station = calendar.station;
    const community = town.communities.find((c) => c.id === station.communityId)!;

    let submittedMs = Number.NaN;
    let onSite = false;
    let assigned: HeldSession | undefined;
    for (let attempt = 0; attempt < 20 && !(submittedMs < nowMs); attempt += 1) {
      const day = pickDay(random, weights.get(station.id)!);
      const held = calendar.byDate.get(day);
      onSite = held !== undefined && held.startsMs < nowMs && random.chance(0.6);
      submittedMs = onSite && held ? held.startsMs + random.float() * (held.endsMs - held.startsMs) : residentMomentOfDay(random, day);
      assigned = onSite ? held : undefined;
    }
    if (!(submittedMs < nowMs)) {
      onSite = false;
      assigned = undefined;
      submittedMs = context.yearStartMs + random.float() * (nowMs - context.yearStartMs);
    }
    const session = assigned ?? nextStartingAfter(calendar, submittedMs);

    const categoryPosition = town.categories.indexOf(random.weighted(categoryWeights));
    const category = town.categories[categoryPosition];
    const unit = context.units[UNIT_OF_CATEGORY_POSITION[categoryPosition] ?? random.int(0, context.units.length - 1)];
    const place = `${community.name}${random.pick(PLACE_SUFFIXES)}`;
    const words = { place, topic: random.pick(TOPICS[category.id] ?? [category.name]), unit: unit.name };

    const supervisor = kind === 'supervision' ? random.pick(bound) : null;
    const submitter = supervisor?.user ?? context.residents[Math.floor(context.residents.length * random.float() ** 1.8)];
    touch(submitter, submittedMs);
    const anonymous = kind !== 'supervision' && random.chance(0.2);
    const mobile = !anonymous && kind !== 'supervision' && random.chance(0.4) ? mobileNumber(random) : null;
    const incident = random.chance(0.5) ? submittedMs - random.float() * 72 * HOUR_MS : null;
    const located = random.chance(0.3);

    const id = random.uuid();
    const submitted = new Date(submittedMs);
    const plan = planItem(context, submittedMs, onSite, words);
    if (random.chance(0.05)) {
      plan.push({ at: officeTime(context, submittedMs, random.int(0, 3)), action: 'flagged', staffId: random.pick(context.staff).id });
    }
    if (random.chance(0.1)) {
      const at = officeTime(context, submittedMs, random.int(0, 5));
      plan.push({ at, action: 'note', staffId: random.pick(context.staff).id, text: random.pick(NOTES) });
    }
    const generated = walkItem(
      context,
      calendar,
      {
        id,
        clientId: random.uuid(),
        submitterId: submitter.id,
        kind,
        categoryId: category.id,
        content: fill(random.pick(TEMPLATES[kind]), words),
        placeName: random.chance(0.6) ? place : null,
        latitude: located ? station.latitude + (random.float() - 0.5) * 0.02 : null,
        longitude: located ? station.longitude + (random.float() - 0.5) * 0.02 : null,
        incidentAt: incident === null ? null : `${dayOf(incident)}T${shanghaiTimeOf(new Date(incident))}`,
        anonymous: anonymous ? 1 : 0,
        mobile,
        enforcementUnit: supervisor ? unit.name : null,
        caseReference: supervisor ? `${town.district.slice(0, 2)}${unit.short}罚决字〔${year}〕${random.int(1, 999)}号` : null,
        supervisorId: supervisor?.id ?? null,
        stationId: station.id,
        sessionDate: session.date,
        onSite: onSite ? 1 : 0,
        status: 'pending',
        reopened: 0,
        flagged: 0,
        duplicateOf: null,
        submittedAt: submitted.toISOString(),
        replyDue: context.replyDueOn(dayOf(submittedMs)),
        ratingStars: null,
        ratingComment: null,
        ratedAt: null,
        viaGridId: null,
        sharerId: null,
      },
      session,
      plan,
    );
    items.push(generated.ledger);
    historyRows += generated.historyRows;
  }
  return { items, historyRows };
}

/** Each closed session's record, with the summary as it stood when it closed. */
function recordSessions(context: Context, calendars: Map<string, StationCalendar>): LedgerSession[] {
  const { random, town } = context;
  const closed: LedgerSession[] = [];
  for (const { station, held } of calendars.values()) {
    for (const session of held) {
      if (!Number.isFinite(session.closedMs)) continue;
      const byCategory = town.categories
        .map((category) => {
          const raised = session.agenda.filter((i) => i.categoryId === category.id);
          return { categoryName: category.name, raised: raised.length, answered: raised.filter((i) => ANSWERED.includes(i.status)).length };
        })
        .filter((c) => c.raised > 0);
      const summary: SessionSummary = {
        stationId: station.id,
        stationName: station.name,
        date: session.date,
        originalDate: session.date,
        closedAt: iso(session.closedMs),
        raised: session.agenda.length,
        answered: session.agenda.filter((i) => ANSWERED.includes(i.status)).length,
        carriedOver: session.agenda.filter((i) => i.carried).length,
        byCategory,
        note: random.pick(SESSION_NOTES),
      };
      context.rows.sessionRecord.push({
        stationId: station.id,
        sessionDate: session.date,
        closedAt: summary.closedAt,
        closedBy: session.closedBy,
        summary: JSON.stringify(summary),
      });
      closed.push({
        stationId: station.id,
        sessionDate: session.date,
        closedAt: summary.closedAt,
        raised: summary.raised,
        answered: summary.answered,
        carriedOver: summary.carriedOver,
      });
    }
  }
  return closed;
}

// ---------------------------------------------------------------------------------------------------
// Publicity events

interface PlannedEvent {
  type: EventType;
  title: string;
  theme: string;
  law: string | null;
  community: Community;
  day: LocalDate;
  startMinute: number;
  minutes: number;
  capacity: number | null;
  /** How the office counts people there afterwards: always, sometimes, or only by check-ins. */
  recordAttendance: number;
}

function planEvents(context: Context, keyDates: readonly KeyDate[]): PlannedEvent[] {
  const { random, year, town } = context;
  const seat = town.communities.find((c) => c.id === town.stations[0].communityId) ?? town.communities[0];
  const planned: PlannedEvent[] = [];
  for (const community of town.communities) {
    for (let month = 1; month <= 12; month += 1) {
      const [theme, law] = random.pick(YUANBA_THEMES);
      const evening = random.chance(0.7);
      planned.push({
        type: 'yuanba',
        title: `${community.name}${month}月院坝会`,
        theme,
        law,
        community,
        day: `${year}-${String(month).padStart(2, '0')}-${String(random.int(5, 25)).padStart(2, '0')}`,
        startMinute: evening ? 19 * 60 : 14 * 60 + 30,
        minutes: 90,
        capacity: random.pick([60, 80]),
        recordAttendance: 0.4,
      });
    }
    for (const month of [3, 6, 9, 11]) {
      planned.push({
        type: 'door_to_door',
        title: `${community.name}法律进万家入户宣传`,
        theme: '法律进万家',
        law: null,
        community,
        day: `${year}-${String(month).padStart(2, '0')}-${String(random.int(10, 20)).padStart(2, '0')}`,
        startMinute: 9 * 60,
        minutes: 300,
        capacity: null,
        recordAttendance: 1,
      });
    }
  }
  for (const keyDate of keyDates) {
    const from = `${year}-${keyDate.from}`;
    const to = `${year}-${keyDate.to}`;
    const stallDay = from === to ? from : addDays(from, Math.min(7, daysBetween(from, to)));
    planned.push({
      type: 'campaign',
      title: `${keyDate.name}集中宣传`,
      theme: keyDate.name,
      law: keyDate.law,
      community: seat,
      day: stallDay,
      startMinute: 9 * 60,
      minutes: 150,
      capacity: null,
      recordAttendance: 1,
    });
    // A campaign of several days (民法典宣传月, 宪法宣传周) brings a lecture to every community.
    if (from !== to) {
      for (const community of town.communities) {
        planned.push({
          type: 'lecture',
          title: `${keyDate.name}：${community.name}专题宣讲`,
          theme: keyDate.name,
          law: keyDate.law,
          community,
          day: addDays(from, random.int(1, Math.max(1, daysBetween(from, to) - 1))),
          startMinute: 14 * 60 + 30,
          minutes: 120,
          capacity: 100,
          recordAttendance: 0,
        });
      }
    }
  }
  for (const month of [6, 9]) {
    planned.push({
      type: 'special',
      title: '“法律明白人”培训',
      theme: '法律明白人培训',
      law: null,
      community: seat,
      day: `${year}-${String(month).padStart(2, '0')}-${String(random.int(8, 22)).padStart(2, '0')}`,
      startMinute: 9 * 60 + 30,
      minutes: 180,
      capacity: 50,
      recordAttendance: 0.5,
    });
  }
  return planned.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.title < b.title ? -1 : 1));
}

function generateEvents(context: Context, keyDates: readonly KeyDate[]): LedgerEvent[] {
  const { random, town, nowMs, rows } = context;
  const events: LedgerEvent[] = [];
  for (const plan of planEvents(context, keyDates)) {
    const startsMs = dayStartMs(plan.day) + plan.startMinute * 60_000;
    const endsMs = startsMs + plan.minutes * 60_000;
    const createdMs = officeTime(context, startsMs - random.int(7, 20) * DAY_MS, 0);
    if (createdMs > nowMs) continue;
    const publishedMs = createdMs + random.int(10, 120) * 60_000;
    const published = publishedMs <= nowMs;
    const cancelMs = published && random.chance(0.05) ? publishedMs + random.float() * (startsMs - publishedMs) : Number.NaN;
    const cancelled = cancelMs <= nowMs;
    const status: EventTable['status'] = cancelled ? 'cancelled' : published ? 'published' : 'draft';
    const held = status === 'published' && endsMs <= nowMs;
    const id = random.uuid();
    const station = town.stations.find((s) => s.communityId === plan.community.id);
    const creator = random.pick(context.staff).id;

    let signUps = 0;
    let signedUpPeople = 0;
    let checkedInSignUps = 0;
    let checkedInPeople = 0;
    if (plan.capacity !== null && status !== 'draft') {
      const windowEnd = Math.min(cancelled ? cancelMs : startsMs, nowMs);
      const target = Math.round(plan.capacity * (0.4 + random.float() * 0.6));
      const codes = new Set<string>();
      let places = 0;
      for (const person of random.sample(context.residents, target)) {
        const people = random.weighted([[1, 70], [2, 22], [3, 8]]);
        if (places + people > plan.capacity) break;
        const signedUpMs = publishedMs + random.float() * (windowEnd - publishedMs);
        touch(person, signedUpMs);
        const withdrawn = random.chance(0.08);
        const checkedIn = !withdrawn && held && random.chance(0.75);
        let code = random.chars(BINDING_CODE_ALPHABET, 8);
        while (codes.has(code)) code = random.chars(BINDING_CODE_ALPHABET, 8);
        codes.add(code);
        rows.eventSignUp.push({
          id: random.uuid(),
          eventId: id,
          userId: person.id,
          people,
          signedUpAt: iso(signedUpMs),
          cancelledAt: withdrawn ? iso(signedUpMs + random.float() * (windowEnd - signedUpMs)) : null,
          checkInCode: code,
          checkedInAt: checkedIn ? iso(startsMs + (random.float() * 50 - 20) * 60_000) : null,
          checkedInBy: checkedIn ? random.pick(context.staff).id : null,
          viaGridId: null,
          sharerId: null,
        });
        if (withdrawn) continue;
        places += people;
        signUps += 1;
        signedUpPeople += people;
        if (checkedIn) {
          checkedInSignUps += 1;
          checkedInPeople += people;
        }
      }
    }
    const recordedMs = officeTime(context, endsMs, 1);
    const recordedAttendance =
      held && recordedMs <= nowMs && random.chance(plan.recordAttendance)
        ? plan.capacity === null
          ? random.int(60, 400)
          : checkedInPeople + random.int(0, 30)
        : null;
    const updatedMs = Math.max(createdMs, published ? publishedMs : 0, cancelled ? cancelMs : 0, recordedAttendance !== null ? recordedMs : 0);
    rows.event.push({
      id,
      title: plan.title,
      type: plan.type,
      theme: plan.theme,
      law: plan.law,
      startsAt: iso(startsMs),
      endsAt: iso(endsMs),
      placeName: `${plan.community.name}${plan.type === 'campaign' ? '文化广场' : plan.type === 'yuanba' ? '院坝' : '党群服务中心'}`,
      placeAddress: station?.address ?? `${town.district}${town.name}${plan.community.name}`,
      latitude: station?.latitude ?? null,
      longitude: station?.longitude ?? null,
      communityId: plan.community.id,
      organiser: town.office,
      capacity: plan.capacity,
      signedUp: signedUpPeople,
      description: `围绕“${plan.theme}”以案说法、现场答疑，欢迎居民朋友参加。`,
      status,
      cancelReason: cancelled ? random.pick(['暴雨预警，为安全起见取消', '场地临时占用，另行通知']) : null,
      attendance: recordedAttendance,
      createdBy: creator,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
    });
    events.push({
      id,
      type: plan.type,
      theme: plan.theme,
      communityId: plan.community.id,
      startsAt: iso(startsMs),
      endsAt: iso(endsMs),
      status,
      held,
      recordedAttendance,
      signUps,
      signedUpPeople,
      checkedInSignUps,
      checkedInPeople,
      attendance: recordedAttendance ?? checkedInPeople,
    });
  }
  return events;
}

// ---------------------------------------------------------------------------------------------------
// Quizzes

/** The options a person picks: right with probability `skill`, else a wrong choice. */
function choose(random: Random, question: Question, skill: number): number[] {
  if (random.chance(skill)) return [...question.answer];
  const wrong = question.options.map((_, index) => index).filter((index) => !question.answer.includes(index) || question.answer.length > 1);
  return [random.pick(wrong.length > 0 ? wrong : [0])];
}

function placeOfTaker(random: Random, town: Town): { communityId: string; gridId: string | null } {
  const community = random.weighted(town.communities.map((c) => [c, c.population ?? (c.grids.length + 1) * 100] as const));
  const grid = community.grids.length > 0 && random.chance(0.75) ? random.pick(community.grids) : null;
  return { communityId: community.id, gridId: grid?.id ?? null };
}

async function generateContests(
  db: Database,
  context: Context,
  takersPerContest: number,
): Promise<{ contests: YearLedger['quiz']['contests']; attempts: LedgerAttempt[] }> {
  const { random, year, nowMs, rows, town } = context;
  const plans = [
    { title: `${year}年民法典知识竞赛（春季）`, law: 'civil-code' as const, from: `${year}-03-02`, to: `${year}-03-22` },
    { title: '民法典宣传月知识竞赛', law: 'civil-code' as const, from: `${year}-05-06`, to: `${year}-05-31` },
    { title: `${year}年民法典知识竞赛（秋季）`, law: 'civil-code' as const, from: `${year}-09-10`, to: `${year}-09-30` },
    { title: '“宪法宣传周”宪法知识竞赛', law: 'constitution' as const, from: `${year}-12-01`, to: `${year}-12-07` },
  ];
  const contests: YearLedger['quiz']['contests'] = [];
  const attempts: LedgerAttempt[] = [];
  for (const plan of plans) {
    const startsMs = dayStartMs(plan.from) + 9 * HOUR_MS;
    const endsMs = dayStartMs(plan.to) + 22 * HOUR_MS;
    const createdMs = officeTime(context, startsMs - 7 * DAY_MS, 0);
    if (createdMs > nowMs) continue;
    const questionCount = 20;
    const timeLimitMinutes = 15;
    const { bank, rules } = await contestBank(db, { law: plan.law, books: [], questionCount });
    const byId = new Map(bank.map((q) => [q.id, q]));
    const id = random.uuid();
    rows.contest.push({
      id,
      title: plan.title,
      law: plan.law,
      books: '[]',
      questionCount,
      timeLimitMinutes,
      attemptsAllowed: 2,
      startsAt: iso(startsMs),
      endsAt: iso(endsMs),
      audience: 'everyone',
      createdBy: random.pick(context.staff).id,
      createdAt: iso(createdMs),
    });
    contests.push({ id, title: plan.title, startsAt: iso(startsMs), endsAt: iso(endsMs) });
    const openUntil = Math.min(endsMs, nowMs);
    if (openUntil <= startsMs) continue;
    for (const person of random.sample(context.residents, takersPerContest)) {
      const place = placeOfTaker(random, town);
      const skill = 0.45 + random.float() * 0.5;
      let startMs = startsMs + random.float() * (openUntil - startsMs);
      const tries = random.chance(0.2) ? 2 : 1;
      for (let seq = 1; seq <= tries && startMs < openUntil; seq += 1) {
        const deadlineMs = Math.min(startMs + timeLimitMinutes * 60_000, endsMs);
        // Nobody starts a paper in the contest's last minutes.
        if (deadlineMs - startMs < 3 * 60_000) break;
        const drawn = drawContestPaper(bank, rules, () => random.float());
        if (!drawn.ok) throw new Error(`Contest ${plan.title} cannot draw a paper: ${drawn.message}`);
        const paper: PaperEntry[] = drawn.paper;
        touch(person, startMs);
        const outcome = random.weighted([['scored', 92], ['abandoned', 5], ['late', 3]] as const);
        const secondsTaken = random.int(120, Math.max(120, Math.floor((deadlineMs - startMs) / 1000) - 5));
        const submittedMs =
          outcome === 'scored' ? startMs + secondsTaken * 1000 : outcome === 'late' ? deadlineMs + random.int(15, 60) * 1000 : Number.NaN;
        const submitted = submittedMs <= nowMs;
        let scored: { score: number; correctCount: number; answers: string } | null = null;
        if (submitted && outcome === 'scored') {
          const shown = paper.map((entry) => arrangeQuestion(byId.get(entry.questionId)!, entry.optionOrder));
          const result = scoreAnswers(shown, shown.map((q) => ({ questionId: q.id, chosen: choose(random, q, skill) })));
          if (!result.ok) throw new Error(`A generated paper did not score: ${result.problems[0].message}`);
          scored = {
            score: result.score.score,
            correctCount: result.score.correctCount,
            answers: JSON.stringify(result.score.results.map((r) => r.chosen)),
          };
        }
        const attemptId = random.uuid();
        rows.contestAttempt.push({
          id: attemptId,
          contestId: id,
          userId: person.id,
          seq,
          communityId: place.communityId,
          gridId: place.gridId,
          paper: JSON.stringify(paper),
          startedAt: iso(startMs),
          deadlineAt: iso(deadlineMs),
          submittedAt: submitted ? iso(submittedMs) : null,
          answers: scored?.answers ?? null,
          score: scored?.score ?? null,
          correctCount: scored?.correctCount ?? null,
          secondsTaken: scored ? secondsTaken : null,
          viaGridId: null,
          sharerId: null,
        });
        attempts.push({
          id: attemptId,
          contestId: id,
          userId: person.id,
          communityId: place.communityId,
          gridId: place.gridId,
          submittedAt: submitted ? iso(submittedMs) : null,
          score: scored?.score ?? null,
        });
        // An open paper (not handed in by now) is the last one: the next could not have started.
        if (!submitted) break;
        startMs = Math.max(submittedMs, deadlineMs) + random.int(5, 600) * 60_000;
      }
    }
  }
  return { contests, attempts };
}

function generateDaily(context: Context, practisers: number): LedgerDaily[] {
  const { random, nowMs, rows, town } = context;
  const bankIds = town.civilCode.map((q) => q.id);
  const questions = new Map(town.civilCode.map((q) => [q.id, q]));
  const daily: LedgerDaily[] = [];
  const first = `${context.year}-01-01`;
  const span = daysBetween(first, context.lastDay);
  for (const person of random.sample(context.residents, practisers)) {
    const skill = 0.5 + random.float() * 0.45;
    const keen = 0.05 + random.float() * 0.45;
    const wrongBook = new Map<string, { wrongCount: number; lastWrongAt: string }>();
    for (let day = addDays(first, random.int(0, span)); day <= context.lastDay; day = nextDay(day)) {
      if (!random.chance(keen)) continue;
      const drawnMs = residentMomentOfDay(random, day);
      if (drawnMs > nowMs) continue;
      touch(person, drawnMs);
      const ids = dailyDraw(person.id, day, bankIds);
      const submittedMs = random.chance(0.9) ? drawnMs + random.int(60, 600) * 1000 : Number.NaN;
      const submitted = submittedMs <= nowMs;
      let result: { results: string; score: number; correctCount: number } | null = null;
      if (submitted) {
        const shown = ids.map((id) => questions.get(id)!);
        const scoring = scoreAnswers(shown, shown.map((q) => ({ questionId: q.id, chosen: choose(random, q, skill) })));
        if (!scoring.ok) throw new Error(`A generated daily set did not score: ${scoring.problems[0].message}`);
        const at = iso(submittedMs);
        for (const answer of scoring.score.results) {
          // The 错题本 as the server keeps it: a right answer takes the question out again.
          if (answer.correct) wrongBook.delete(answer.questionId);
          else wrongBook.set(answer.questionId, { wrongCount: (wrongBook.get(answer.questionId)?.wrongCount ?? 0) + 1, lastWrongAt: at });
        }
        result = {
          results: JSON.stringify(scoring.score.results.map(({ questionId, chosen }) => ({ questionId, chosen }))),
          score: scoring.score.score,
          correctCount: scoring.score.correctCount,
        };
      }
      rows.quizDaily.push({
        userId: person.id,
        date: day,
        questionIds: JSON.stringify(ids),
        drawnAt: iso(drawnMs),
        results: result?.results ?? null,
        score: result?.score ?? null,
        correctCount: result?.correctCount ?? null,
        submittedAt: result ? iso(submittedMs) : null,
        viaGridId: null,
        sharerId: null,
      });
      daily.push({ userId: person.id, date: day, submittedAt: result ? iso(submittedMs) : null, score: result?.score ?? null });
    }
    for (const [questionId, entry] of wrongBook) rows.quizWrongAnswer.push({ userId: person.id, questionId, ...entry });
  }
  return daily;
}

// ---------------------------------------------------------------------------------------------------
// People and supervisors' logs

async function createPeople(context: Context, residents: number) {
  const { random, year, rows, town } = context;
  const passwordHash = await hash(random.chars(BINDING_CODE_ALPHABET, 24));
  const beforeYear = (): number => context.yearStartMs - random.int(30, 300) * DAY_MS;
  context.staff = [0, 1, 2].map((n) => ({ id: random.uuid(), username: `office-${year}-${n + 1}`, displayName: personName(random) }));
  for (const account of context.staff) {
    rows.staffAccount.push({ ...account, role: 'staff', passwordHash, mustChangePassword: 1, createdAt: iso(beforeYear()) });
  }
  for (let n = 0; n < residents; n += 1) {
    context.residents.push(newPerson(context, random.chance(0.8) ? 'wechat' : 'guest', random.chance(0.3)));
  }
  const appointed = [`${year - 1}-03-01`, `${year + 1}-02-28`] as const;
  const supervisors: SupervisorPerson[] = [1, 2, 3, 4, 5].map((n) => ({
    id: random.uuid(),
    name: personName(random),
    // One has not bound a phone yet: the office still counts them, they file nothing.
    user: n < 5 ? newPerson(context, 'wechat', true) : null,
  }));
  for (const [index, supervisor] of supervisors.entries()) {
    rows.supervisor.push({
      id: supervisor.id,
      name: supervisor.name,
      certificateNo: `${town.district.slice(0, 2)}监字〔${year - 1}〕${String(index + 1).padStart(3, '0')}号`,
      termStart: appointed[0],
      termEnd: appointed[1],
      userId: supervisor.user?.id ?? null,
      revokedAt: null,
      createdAt: iso(Date.parse(`${appointed[0]}T10:00:00+08:00`)),
    });
  }
  const gridWorkers: { id: string; gridId: string; user: Person }[] = town.communities.flatMap((community) =>
    community.grids.map((grid) => ({ id: random.uuid(), gridId: grid.id, user: newPerson(context, 'wechat', true) })),
  );
  for (const worker of gridWorkers) {
    rows.gridWorker.push({
      id: worker.id,
      name: personName(random),
      gridId: worker.gridId,
      userId: worker.user.id,
      revokedAt: null,
      createdAt: iso(beforeYear()),
      sharerCode: null,
    });
  }
  const staffPeople = [...supervisors.flatMap((s) => (s.user ? [s.user] : [])), ...gridWorkers.map((w) => w.user)];
  return { supervisors, gridWorkers, staffPeople };
}

/** app_user rows, created before the year or just before each person first used the app. */
function recordUsers(context: Context, people: readonly Person[]): void {
  const { random, nowMs } = context;
  for (const person of people) {
    let createdMs: number;
    if (person.existedBefore) createdMs = context.yearStartMs - random.int(1, 365) * DAY_MS;
    else if (Number.isFinite(person.firstUse)) createdMs = person.firstUse - random.int(1, 30) * 60_000;
    else createdMs = context.yearStartMs + random.float() * (nowMs - context.yearStartMs);
    context.rows.appUser.push({
      id: person.id,
      kind: person.kind,
      wechatOpenid: person.kind === 'wechat' ? `o${random.chars(OPENID_ALPHABET, 27)}` : null,
      createdAt: iso(createdMs),
    });
  }
}

function generateActivities(context: Context, supervisors: SupervisorPerson[]): LedgerActivity[] {
  const { random, year, nowMs, rows, town } = context;
  const activities: LedgerActivity[] = [];
  const seat = town.communities[0];
  for (const supervisor of supervisors) {
    if (!supervisor.user) continue;
    for (let month = 1; month <= 12; month += 1) {
      const times = random.weighted([[1, 30], [2, 50], [3, 20]]);
      for (let n = 0; n < times; n += 1) {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, daysInMonth(year, month))).padStart(2, '0')}`;
        const loggedMs = dayStartMs(date) + (12 + random.float() * 10) * HOUR_MS;
        if (loggedMs > nowMs) continue;
        const id = random.uuid();
        rows.enforcementActivity.push({
          id,
          clientId: random.uuid(),
          supervisorId: supervisor.id,
          date,
          unit: random.pick(context.units).name,
          place: random.chance(0.8) ? `${seat.name}${random.pick(PLACE_SUFFIXES)}` : null,
          observation: random.pick(ACTIVITY_OBSERVATIONS),
          loggedAt: iso(loggedMs),
        });
        activities.push({ id, supervisorId: supervisor.id, date });
      }
    }
  }
  return activities;
}

// ---------------------------------------------------------------------------------------------------
// Writing

async function insertAll<T extends keyof Rows>(trx: Transaction<DatabaseSchema>, table: T, rows: Rows[T]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) {
    // One table at a time; kysely cannot tie a table chosen at run time to its row type.
    await trx.insertInto(table).values(rows.slice(start, start + size) as never).execute();
  }
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/**
 * Fills an empty year for the town the database holds (communities, grids, stations and categories as
 * seeded from its configuration, and the question bank) and answers what it put there. Refuses a
 * database that already holds feedback: the ledger would not be its figures.
 */
export async function seedYear(db: Database, options: SeedYearOptions): Promise<YearLedger> {
  const { year, now, feedbackItems } = options;
  const seed = options.seed ?? 1;
  const period = yearPeriod(year);
  const yearStartMs = dayStartMs(period.from);
  const yearEndMs = dayStartMs(addDays(period.to, 1));
  if (now.getTime() <= yearStartMs) throw new Error(`seedYear: now (${now.toISOString()}) is before ${year} has begun`);
  const existing = await db.selectFrom('feedbackItem').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('seedYear: the database already holds feedback items');

  const town = await readTown(db);
  const random = new Random(seed);
  const context: Context = {
    random,
    isWorkingDay: memo((date: LocalDate) => isWorkingDay(date, town.calendar)),
    replyDueOn: memo((date: LocalDate) => replyDeadline(new Date(dayStartMs(date) + 12 * HOUR_MS), town.replyWorkingDays, town.calendar)),
    town,
    year,
    nowMs: now.getTime(),
    yearStartMs,
    yearEndMs,
    lastDay: now.getTime() < yearEndMs ? shanghaiDateOf(now) : period.to,
    rows: Object.fromEntries(TABLE_ORDER.map((table) => [table, []])) as unknown as Rows,
    residents: [],
    staff: [],
    units: enforcementUnits(town),
  };
  const { supervisors, gridWorkers, staffPeople } = await createPeople(context, Math.max(200, Math.ceil(feedbackItems / 3)));
  const calendars = planSessions(context);
  const feedback = generateFeedback(context, calendars, supervisors, feedbackItems);
  const closedSessions = recordSessions(context, calendars);
  const events = generateEvents(context, options.keyDates ?? loadKeyDates(projectPath('data', 'key-dates.json')));
  const { contests, attempts } = await generateContests(db, context, Math.min(3000, Math.max(30, Math.round(feedbackItems / 20))));
  const daily = generateDaily(context, Math.min(1000, Math.max(20, Math.round(feedbackItems / 50))));
  const activities = generateActivities(context, supervisors);
  recordUsers(context, [...context.residents, ...staffPeople]);

  await db.transaction().execute(async (trx) => {
    for (const table of TABLE_ORDER) await insertAll(trx, table, context.rows[table]);
  });

  const items = feedback.items;
  const today = shanghaiDateOf(now);
  // Every instant here is written by toISOString, so they compare as strings (periodInstants says so).
  const bounds = periodInstants(period);
  const inYear = (instant: string | null) => instant !== null && instant >= bounds.start && instant < bounds.end;
  const scored = attempts.filter((a) => a.score !== null);
  const dailySubmitted = daily.filter((d) => d.submittedAt !== null);
  const held = events.filter((e) => e.held && inYear(e.startsAt));
  const annual: Record<AnnualFigureKey, number> = {
    sessions: closedSessions.filter((s) => inYear(s.closedAt)).length,
    opinions: items.filter((i) => inYear(i.submittedAt)).length,
    responses: items.filter((i) => inYear(i.submittedAt) && i.firstReplyAt !== null).length,
    assessed: items.filter((i) => inYear(i.submittedAt) && i.flagged).length,
    supervisorActivities: activities.filter((a) => a.date.startsWith(`${year}-`)).length,
    events: held.length,
    eventAttendance: held.reduce((sum, e) => sum + e.attendance, 0),
    quizAttempts: scored.filter((a) => inYear(a.submittedAt)).length + dailySubmitted.filter((d) => inYear(d.submittedAt)).length,
  };
  return {
    year,
    seed,
    now: now.toISOString(),
    users: {
      total: context.rows.appUser.length,
      wechat: context.rows.appUser.filter((u) => u.kind === 'wechat').length,
      guests: context.rows.appUser.filter((u) => u.kind === 'guest').length,
    },
    staff: context.staff,
    supervisors: supervisors.map((s) => ({ id: s.id, name: s.name, userId: s.user?.id ?? null })),
    gridWorkers: gridWorkers.map((w) => ({ id: w.id, gridId: w.gridId, userId: w.user.id })),
    feedback: {
      items,
      total: items.length,
      byKind: countBy(['supervision', 'complaint', 'suggestion', 'inquiry'], items.map((i) => i.kind)),
      byCategory: countBy(town.categories.map((c) => c.id), items.map((i) => i.categoryId)),
      byStatus: countBy(['pending', 'accepted', 'replied', 'closed', 'rejected'], items.map((i) => i.status)),
      replied: items.filter((i) => i.firstReplyAt !== null).length,
      flagged: items.filter((i) => i.flagged).length,
      supervisionOpinions: items.filter((i) => i.kind === 'supervision').length,
      anonymous: items.filter((i) => i.anonymous).length,
      withMobile: items.filter((i) => i.hasMobile).length,
      reopened: items.filter((i) => i.reopened).length,
      overdueNow: items.filter((i) => isOpen(i.status) && today > i.replyDue).length,
      firstReplyHours: items.flatMap((i) => (i.firstReplyAt === null ? [] : [hoursBetween(i.submittedAt, i.firstReplyAt)])),
      ratings: items.flatMap((i) => (i.ratingStars === null ? [] : [i.ratingStars])),
      historyRows: feedback.historyRows,
    },
    sessions: {
      closed: closedSessions,
      cancelled: context.rows.sessionOverride.map((o) => ({ stationId: o.stationId, sessionDate: o.originalDate })),
    },
    activities: { items: activities, total: activities.length },
    events: {
      items: events,
      held: held.length,
      cancelled: events.filter((e) => e.status === 'cancelled' && inYear(e.startsAt)).length,
      attendance: annual.eventAttendance,
    },
    quiz: {
      contests,
      attempts,
      scoredAttempts: scored.length,
      takers: new Set(scored.map((a) => a.userId)).size,
      daily,
      dailySubmitted: dailySubmitted.length,
    },
    annual,
  };
}

import { EVENT_TYPE_LABELS } from '@core/events/schemas';
import { FEEDBACK_KIND_LABELS, SessionSummarySchema } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS } from '@core/feedback/workflow';
import { yearPeriod } from '@core/reports/period';
import type { AnnualFigureKey, AnnualSummary } from '@core/reports/schemas';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { annualSummary } from '../reports/annual-summary';
import {
  activitiesInScope,
  attendanceOf,
  checkedInPeople,
  feedbackInScope,
  firstReplyTimes,
  hasReply,
  heldEvents,
  scopeOf,
  scoredAttempts,
  sessionDayReader,
  sessionsClosedInScope,
  submittedDailies,
  type Scope,
} from '../reports/scope';
import { inPages, minuteCell, PAGE_ROWS } from './export-scope';
import type { Cell, ExportFile, TableSheet } from './table-writer';

/** The sheet that lists the rows behind one annual figure. */
export interface FigureSheet extends TableSheet {
  key: AnnualFigureKey;
}

const FEEDBACK_COLUMNS = [
  { header: '反馈编号', width: 38 },
  { header: '提交时间', width: 18 },
  { header: '类型', width: 10 },
  { header: '类别', width: 30 },
  { header: '驿站', width: 26 },
  { header: '接待日', width: 12 },
  { header: '当前状态', width: 10 },
  { header: '首次答复日期', width: 14 },
];

/**
 * The items behind a feedback figure: what was raised and how it went, never who raised it (no
 * submitter, mobile or content: an anonymous item's own words could name its writer).
 */
async function* feedbackRows(db: Database, scope: Scope, narrow: 'all' | 'replied' | 'flagged'): AsyncGenerator<Cell[]> {
  const heldOn = sessionDayReader(db);
  const pages = inPages((after: { id: string; submittedAt: string } | undefined) =>
    feedbackInScope(db, scope)
      .innerJoin('feedbackCategory', 'feedbackCategory.id', 'feedbackItem.categoryId')
      .innerJoin('station', 'station.id', 'feedbackItem.stationId')
      .select([
        'feedbackItem.id',
        'feedbackItem.submittedAt',
        'feedbackItem.kind',
        'feedbackCategory.name as category',
        'station.name as station',
        'feedbackItem.stationId',
        'feedbackItem.sessionDate',
        'feedbackItem.status',
      ])
      .$if(narrow === 'replied', (q) => q.where(hasReply))
      .$if(narrow === 'flagged', (q) => q.where('feedbackItem.flagged', '=', 1))
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('feedbackItem.submittedAt', 'feedbackItem.id'), '>', eb.tuple(after!.submittedAt, after!.id))),
      )
      .orderBy('feedbackItem.submittedAt')
      .orderBy('feedbackItem.id')
      .limit(PAGE_ROWS)
      .execute(),
  );
  for await (const page of pages) {
    const firstReplyOf = await firstReplyTimes(db, page.map((item) => item.id));
    for (const item of page) {
      const firstReply = firstReplyOf.get(item.id);
      yield [
        item.id,
        minuteCell(item.submittedAt),
        FEEDBACK_KIND_LABELS[item.kind],
        item.category,
        item.station,
        await heldOn(item.stationId, item.sessionDate),
        FEEDBACK_STATUS_LABELS[item.status],
        firstReply ? shanghaiDateOf(new Date(firstReply)) : null,
      ];
    }
  }
}

async function* sessionRows(db: Database, scope: Scope): AsyncGenerator<Cell[]> {
  const pages = inPages((after: { closedAt: string; stationId: string; sessionDate: string } | undefined) =>
    sessionsClosedInScope(db, scope)
      .select(['sessionRecord.closedAt', 'sessionRecord.stationId', 'sessionRecord.sessionDate', 'sessionRecord.summary'])
      .$if(after !== undefined, (q) =>
        q.where((eb) =>
          eb(
            eb.refTuple('sessionRecord.closedAt', 'sessionRecord.stationId', 'sessionRecord.sessionDate'),
            '>',
            eb.tuple(after!.closedAt, after!.stationId, after!.sessionDate),
          ),
        ),
      )
      .orderBy('sessionRecord.closedAt')
      .orderBy('sessionRecord.stationId')
      .orderBy('sessionRecord.sessionDate')
      .limit(PAGE_ROWS)
      .execute(),
  );
  for await (const page of pages) {
    for (const record of page) {
      // The summary published at the close: already anonymised, and what residents read.
      const summary = SessionSummarySchema.parse(JSON.parse(record.summary));
      yield [summary.stationName, summary.date, minuteCell(record.closedAt), summary.raised, summary.answered, summary.carriedOver];
    }
  }
}

/** Supervisors are appointed officials acting in that role: their entries name them. */
async function* activityRows(db: Database, scope: Scope): AsyncGenerator<Cell[]> {
  const pages = inPages((after: { date: string; id: string } | undefined) =>
    activitiesInScope(db, scope)
      .innerJoin('supervisor', 'supervisor.id', 'enforcementActivity.supervisorId')
      .select([
        'enforcementActivity.id',
        'enforcementActivity.date',
        'supervisor.name',
        'enforcementActivity.unit',
        'enforcementActivity.place',
        'enforcementActivity.observation',
      ])
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('enforcementActivity.date', 'enforcementActivity.id'), '>', eb.tuple(after!.date, after!.id))),
      )
      .orderBy('enforcementActivity.date')
      .orderBy('enforcementActivity.id')
      .limit(PAGE_ROWS)
      .execute(),
  );
  for await (const page of pages) {
    for (const a of page) yield [a.date, a.name, a.unit, a.place, a.observation];
  }
}

interface HeldEventRow {
  id: string;
  title: string;
  type: keyof typeof EVENT_TYPE_LABELS;
  theme: string;
  community: string;
  startsAt: string;
  endsAt: string;
  attendance: number | null;
  checkedIn: number | string;
}

function heldEventPages(db: Database, scope: Scope, now: Date): AsyncGenerator<HeldEventRow[]> {
  return inPages((after: HeldEventRow | undefined) =>
    heldEvents(db, scope, now)
      .innerJoin('community', 'community.id', 'event.communityId')
      .select((eb) => [
        'event.id',
        'event.title',
        'event.type',
        'event.theme',
        'community.name as community',
        'event.startsAt',
        'event.endsAt',
        'event.attendance',
        checkedInPeople(eb).as('checkedIn'),
      ])
      .$if(after !== undefined, (q) => q.where((eb) => eb(eb.refTuple('event.startsAt', 'event.id'), '>', eb.tuple(after!.startsAt, after!.id))))
      .orderBy('event.startsAt')
      .orderBy('event.id')
      .limit(PAGE_ROWS)
      .execute(),
  );
}

async function* eventRows(db: Database, scope: Scope, now: Date): AsyncGenerator<Cell[]> {
  for await (const page of heldEventPages(db, scope, now)) {
    for (const e of page) {
      yield [e.title, EVENT_TYPE_LABELS[e.type], e.theme, e.community, minuteCell(e.startsAt), minuteCell(e.endsAt)];
    }
  }
}

/** Each held event's audience and where the number comes from; the last column adds up to the figure. */
async function* attendanceRows(db: Database, scope: Scope, now: Date): AsyncGenerator<Cell[]> {
  for await (const page of heldEventPages(db, scope, now)) {
    for (const e of page) {
      const checkedIn = Number(e.checkedIn);
      yield [
        e.title,
        minuteCell(e.startsAt),
        e.attendance === null ? null : Number(e.attendance),
        checkedIn,
        e.attendance === null ? '签到人数' : '登记实到人数',
        attendanceOf(e),
      ];
    }
  }
}

/** Contest papers, then daily practice: when, where from and the score, never who. */
async function* quizRows(db: Database, scope: Scope): AsyncGenerator<Cell[]> {
  const contestPages = inPages((after: { id: string; submittedAt: string | null } | undefined) =>
    scoredAttempts(db, scope)
      .innerJoin('contest', 'contest.id', 'contestAttempt.contestId')
      .innerJoin('community', 'community.id', 'contestAttempt.communityId')
      .leftJoin('grid', 'grid.id', 'contestAttempt.gridId')
      .select(['contestAttempt.id', 'contestAttempt.submittedAt', 'contest.title', 'community.name as community', 'grid.name as grid', 'contestAttempt.score'])
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('contestAttempt.submittedAt', 'contestAttempt.id'), '>', eb.tuple(after!.submittedAt, after!.id))),
      )
      .orderBy('contestAttempt.submittedAt')
      .orderBy('contestAttempt.id')
      .limit(PAGE_ROWS)
      .execute(),
  );
  for await (const page of contestPages) {
    for (const a of page) yield ['知识竞赛', a.title, minuteCell(a.submittedAt), a.community, a.grid, Number(a.score)];
  }
  // One person hands in at most one daily set a day, so (submittedAt, userId) orders the rows completely.
  const dailyPages = inPages((after: { userId: string; submittedAt: string | null } | undefined) =>
    submittedDailies(db, scope)
      .select(['quizDaily.userId', 'quizDaily.submittedAt', 'quizDaily.date', 'quizDaily.score'])
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('quizDaily.submittedAt', 'quizDaily.userId'), '>', eb.tuple(after!.submittedAt, after!.userId))),
      )
      .orderBy('quizDaily.submittedAt')
      .orderBy('quizDaily.userId')
      .limit(PAGE_ROWS)
      .execute(),
  );
  // The user id only orders the pages; it never reaches the sheet.
  for await (const page of dailyPages) {
    for (const d of page) yield ['每日一练', d.date, minuteCell(d.submittedAt), null, null, d.score === null ? null : Number(d.score)];
  }
}

/**
 * One sheet per annual figure listing exactly the records it counts (rows == value; for the audience,
 * the last column sums to it), anonymised. Rows are read in pages as the workbook is written; each
 * sheet's rows can be read once.
 */
export function figureSheets(db: Database, year: number, now: Date): FigureSheet[] {
  const scope = scopeOf(yearPeriod(year));
  return [
    {
      key: 'sessions',
      title: '驿站接待日',
      columns: [
        { header: '驿站', width: 26 },
        { header: '接待日', width: 12 },
        { header: '结束时间', width: 18 },
        { header: '反映事项', width: 10 },
        { header: '已答复', width: 10 },
        { header: '转入下次', width: 10 },
      ],
      rows: sessionRows(db, scope),
    },
    { key: 'opinions', title: '现场搜集监督意见', columns: FEEDBACK_COLUMNS, rows: feedbackRows(db, scope, 'all') },
    { key: 'responses', title: '回应', columns: FEEDBACK_COLUMNS, rows: feedbackRows(db, scope, 'replied') },
    { key: 'assessed', title: '研判事项', columns: FEEDBACK_COLUMNS, rows: feedbackRows(db, scope, 'flagged') },
    {
      key: 'supervisorActivities',
      title: '监督员参加执法活动',
      columns: [
        { header: '日期', width: 12 },
        { header: '监督员', width: 10 },
        { header: '执法单位', width: 24 },
        { header: '地点', width: 20 },
        { header: '观察到的情况', width: 60 },
      ],
      rows: activityRows(db, scope),
    },
    {
      key: 'events',
      title: '法治宣传活动',
      columns: [
        { header: '活动', width: 30 },
        { header: '类型', width: 10 },
        { header: '主题', width: 20 },
        { header: '社区', width: 14 },
        { header: '开始时间', width: 18 },
        { header: '结束时间', width: 18 },
      ],
      rows: eventRows(db, scope, now),
    },
    {
      key: 'eventAttendance',
      title: '活动受众',
      columns: [
        { header: '活动', width: 30 },
        { header: '开始时间', width: 18 },
        { header: '登记实到人数', width: 14 },
        { header: '签到人数', width: 10 },
        { header: '计入依据', width: 14 },
        { header: '受众人次', width: 10 },
      ],
      rows: attendanceRows(db, scope, now),
    },
    {
      key: 'quizAttempts',
      title: '参与答题',
      columns: [
        { header: '类型', width: 10 },
        { header: '竞赛或日期', width: 30 },
        { header: '提交时间', width: 18 },
        { header: '社区', width: 14 },
        { header: '网格', width: 20 },
        { header: '得分', width: 8 },
      ],
      rows: quizRows(db, scope),
    },
  ];
}

async function* fromArray(rows: readonly Cell[][]): AsyncGenerator<Cell[]> {
  yield* rows;
}

/** The first sheet: each figure as the report states it, and which sheet lists the rows behind it. */
function summarySheet(summary: AnnualSummary, sheetOf: ReadonlyMap<string, string>): TableSheet {
  return {
    title: '汇总',
    columns: [
      { header: '项目', width: 36 },
      { header: '数量', width: 10 },
      { header: '单位', width: 6 },
      { header: '明细表', width: 24 },
    ],
    rows: fromArray([
      ...summary.figures.map((f) => [f.label, f.value, f.unit, sheetOf.get(f.key) ?? null]),
      [],
      ['报告表述', summary.text],
    ]),
  };
}

/**
 * The year's figures, then one sheet per figure with the (anonymised) rows that make it up, so
 * whoever checks the report can count them again.
 */
export async function annualWorkbook(db: Database, year: number, now: Date): Promise<{ file: ExportFile; sheets: TableSheet[] }> {
  const summary = await annualSummary(db, year, now);
  const figures = figureSheets(db, year, now);
  const sheetOf = new Map(figures.map((f) => [f.key, f.title]));
  return {
    file: { name: `${year}年法治建设数据-${summary.town}`, asciiName: `annual-summary-${year}` },
    sheets: [summarySheet(summary, sheetOf), ...figures],
  };
}

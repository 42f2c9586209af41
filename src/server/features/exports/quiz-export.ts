import type { Database } from '../../db/schema';
import { sha256 } from '../../shared/secrets';
import { scoredAttempts, submittedDailies } from '../reports/scope';
import { inPages, minuteCell, PAGE_ROWS, type ExportScope } from './export-scope';
import type { Cell, TableSheet } from './table-writer';

const COLUMNS = [
  { header: '类型', width: 9 },
  { header: '竞赛名称', width: 30 },
  { header: '提交时间', width: 17 },
  { header: '社区', width: 14 },
  { header: '网格', width: 16 },
  { header: '得分', width: 6 },
  { header: '答对题数', width: 9 },
  { header: '用时(秒)', width: 9 },
  { header: '答题人', width: 9 },
];

/** Hex digits of a pseudonym: 48 bits, so that two of a town's takers sharing one stays out of reach. */
const TAKER_LABEL_LENGTH = 12;

/**
 * The same short label for one person in every row and every export, so the office can see who came
 * back; a hash of the id, never the id or the openid themselves.
 */
export function takerLabel(userId: string): string {
  return sha256(`quiz-taker:${userId}`).slice(0, TAKER_LABEL_LENGTH);
}

function pageOfAttempts(db: Database, scope: ExportScope, after: { submittedAt: string | null; id: string } | undefined) {
  return scoredAttempts(db, scope)
    .innerJoin('contest', 'contest.id', 'contestAttempt.contestId')
    .select([
      'contestAttempt.id',
      'contestAttempt.userId',
      'contest.title',
      'contestAttempt.submittedAt',
      'contestAttempt.communityId',
      'contestAttempt.gridId',
      'contestAttempt.score',
      'contestAttempt.correctCount',
      'contestAttempt.secondsTaken',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => eb(eb.refTuple('contestAttempt.submittedAt', 'contestAttempt.id'), '>', eb.tuple(after!.submittedAt, after!.id))),
    )
    .orderBy('contestAttempt.submittedAt')
    .orderBy('contestAttempt.id')
    .limit(PAGE_ROWS)
    .execute();
}

// One person submits at most one daily set a day, so (submittedAt, userId) orders the rows completely.
function pageOfDaily(db: Database, scope: ExportScope, after: { submittedAt: string | null; userId: string } | undefined) {
  return submittedDailies(db, scope)
    .select(['quizDaily.userId', 'quizDaily.submittedAt', 'quizDaily.score', 'quizDaily.correctCount'])
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => eb(eb.refTuple('quizDaily.submittedAt', 'quizDaily.userId'), '>', eb.tuple(after!.submittedAt, after!.userId))),
    )
    .orderBy('quizDaily.submittedAt')
    .orderBy('quizDaily.userId')
    .limit(PAGE_ROWS)
    .execute();
}

type AttemptRow = Awaited<ReturnType<typeof pageOfAttempts>>[number];
type DailyRow = Awaited<ReturnType<typeof pageOfDaily>>[number];

const number = (value: number | null): number | null => (value === null ? null : Number(value));

/**
 * Scored contest papers handed in during the period (as the dashboard counts them), then the daily
 * practice sets. Daily practice carries no community, so a community's export holds contest papers only.
 */
export function quizSheet(db: Database, scope: ExportScope): TableSheet {
  async function* rows(): AsyncGenerator<Cell[]> {
    const [communities, grids] = await Promise.all([
      db.selectFrom('community').select(['id', 'name']).execute(),
      db.selectFrom('grid').select(['id', 'name']).execute(),
    ]);
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    const gridName = new Map(grids.map((g) => [g.id, g.name]));
    for await (const page of inPages<AttemptRow>((after) => pageOfAttempts(db, scope, after))) {
      for (const a of page) {
        yield [
          '竞赛',
          a.title,
          minuteCell(a.submittedAt),
          communityName.get(a.communityId) ?? a.communityId,
          a.gridId === null ? null : (gridName.get(a.gridId) ?? a.gridId),
          number(a.score),
          number(a.correctCount),
          number(a.secondsTaken),
          takerLabel(a.userId),
        ];
      }
    }
    if (scope.communityId !== null) return;
    for await (const page of inPages<DailyRow>((after) => pageOfDaily(db, scope, after))) {
      for (const d of page) {
        yield ['每日一练', null, minuteCell(d.submittedAt), null, null, number(d.score), number(d.correctCount), null, takerLabel(d.userId)];
      }
    }
  }
  return { title: '答题成绩', columns: COLUMNS, rows: rows() };
}

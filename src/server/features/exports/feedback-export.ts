import { maskMobile } from '@core/feedback/mobile';
import { isOverdue } from '@core/feedback/reply-deadline';
import { FEEDBACK_KIND_LABELS } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS, isOpen } from '@core/feedback/workflow';
import type { Database } from '../../db/schema';
import { feedbackInScope, firstReplyTimes, sessionDayReader } from '../reports/scope';
import { inPages, minuteCell, PAGE_ROWS, yesNo, type ExportScope } from './export-scope';
import type { Cell, TableSheet } from './table-writer';

const COLUMNS = [
  { header: '编号', width: 38 },
  { header: '提交时间', width: 17 },
  { header: '类型', width: 9 },
  { header: '类别', width: 12 },
  { header: '内容', width: 60 },
  { header: '地点', width: 20 },
  { header: '驿站', width: 24 },
  { header: '接待日', width: 11 },
  { header: '现场提交', width: 9 },
  { header: '状态', width: 9 },
  { header: '首次答复时间', width: 17 },
  { header: '答复期限', width: 11 },
  { header: '是否超期', width: 9 },
  { header: '评价星级', width: 9 },
  { header: '提交人', width: 14 },
  { header: '手机号', width: 13 },
];

function pageOfItems(db: Database, scope: ExportScope, after: { submittedAt: string; id: string } | undefined) {
  return feedbackInScope(db, scope)
    .innerJoin('feedbackCategory', 'feedbackCategory.id', 'feedbackItem.categoryId')
    .leftJoin('supervisor', 'supervisor.id', 'feedbackItem.supervisorId')
    .select([
      'feedbackItem.id',
      'feedbackItem.submittedAt',
      'feedbackItem.kind',
      'feedbackCategory.name as categoryName',
      'feedbackItem.content',
      'feedbackItem.placeName',
      'feedbackItem.stationId',
      'feedbackItem.sessionDate',
      'feedbackItem.onSite',
      'feedbackItem.status',
      'feedbackItem.replyDue',
      'feedbackItem.ratingStars',
      'feedbackItem.anonymous',
      'feedbackItem.mobile',
      'supervisor.name as supervisorName',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => eb(eb.refTuple('feedbackItem.submittedAt', 'feedbackItem.id'), '>', eb.tuple(after!.submittedAt, after!.id))),
    )
    .orderBy('feedbackItem.submittedAt')
    .orderBy('feedbackItem.id')
    .limit(PAGE_ROWS)
    .execute();
}

type ItemRow = Awaited<ReturnType<typeof pageOfItems>>[number];

/** Who submitted, as far as the office may know (the same rule as the item's page). */
function submitter(row: ItemRow): string {
  if (row.anonymous === 1) return '匿名';
  if (row.kind !== 'supervision') return '居民';
  return row.supervisorName ? `监督员 ${row.supervisorName}` : '监督员';
}

/**
 * The period's items, one row each, oldest first. An anonymous item shows 匿名 and no number; a
 * named one shows its number masked, as the office's inbox does.
 */
export function feedbackSheet(db: Database, scope: ExportScope, now: Date): TableSheet {
  const heldOn = sessionDayReader(db);
  async function* rows(): AsyncGenerator<Cell[]> {
    const stations = await db.selectFrom('station').select(['id', 'name']).execute();
    const stationName = new Map(stations.map((station) => [station.id, station.name]));
    for await (const page of inPages<ItemRow>((after) => pageOfItems(db, scope, after))) {
      const replies = await firstReplyTimes(db, page.map((r) => r.id));
      for (const row of page) {
        yield [
          row.id,
          minuteCell(row.submittedAt),
          FEEDBACK_KIND_LABELS[row.kind],
          row.categoryName,
          row.content,
          row.placeName,
          stationName.get(row.stationId) ?? row.stationId,
          await heldOn(row.stationId, row.sessionDate),
          yesNo(row.onSite === 1),
          FEEDBACK_STATUS_LABELS[row.status],
          minuteCell(replies.get(row.id) ?? null),
          row.replyDue,
          yesNo(isOpen(row.status) && isOverdue(row.replyDue, now)),
          row.ratingStars === null ? null : Number(row.ratingStars),
          submitter(row),
          row.anonymous === 0 && row.mobile ? maskMobile(row.mobile) : null,
        ];
      }
    }
  }
  return { title: '反馈', columns: COLUMNS, rows: rows() };
}

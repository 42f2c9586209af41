import { EVENT_STATUS_LABELS } from '@core/events/schemas';
import type { Database } from '../../db/schema';
import { inPages, minuteCell, PAGE_ROWS, type ExportScope } from './export-scope';
import type { Cell, TableSheet } from './table-writer';

const COLUMNS = [
  { header: '活动', width: 30 },
  { header: '活动时间', width: 17 },
  { header: '社区', width: 14 },
  { header: '活动状态', width: 9 },
  { header: '报名时间', width: 17 },
  { header: '人数', width: 6 },
  { header: '状态', width: 10 },
  { header: '签到时间', width: 17 },
];

function pageOfSignUps(db: Database, eventId: string, after: { signedUpAt: string; id: string } | undefined) {
  return db
    .selectFrom('eventSignUp')
    .select(['id', 'signedUpAt', 'people', 'cancelledAt', 'checkedInAt'])
    .where('eventId', '=', eventId)
    .$if(after !== undefined, (qb) => qb.where((eb) => eb(eb.refTuple('signedUpAt', 'id'), '>', eb.tuple(after!.signedUpAt, after!.id))))
    .orderBy('signedUpAt')
    .orderBy('id')
    .limit(PAGE_ROWS)
    .execute();
}

type SignUpRow = Awaited<ReturnType<typeof pageOfSignUps>>[number];

/** Whether the sign-up still stands: cancelling an event leaves its sign-ups as they were, so the event decides first. */
function signUpStatus(eventCancelled: boolean, signUp: SignUpRow): string {
  if (eventCancelled) return '活动已取消';
  return signUp.cancelledAt === null ? '有效' : '已取消';
}

/**
 * Sign-ups to the events that start in the period, event by event: published events and cancelled ones
 * (marked, and their sign-ups with them), never drafts. Cancelled sign-ups are listed and marked. Nothing
 * names the person: no user id and never the check-in code, which would check them in.
 */
export function signUpSheet(db: Database, scope: ExportScope): TableSheet {
  async function* rows(): AsyncGenerator<Cell[]> {
    // A town holds a few hundred events a year: their list is small, their sign-ups need not be.
    const events = await db
      .selectFrom('event')
      .innerJoin('community', 'community.id', 'event.communityId')
      .select(['event.id', 'event.title', 'event.startsAt', 'event.status', 'community.name as communityName'])
      .where('event.status', 'in', ['published', 'cancelled'])
      .where('event.startsAt', '>=', scope.start)
      .where('event.startsAt', '<', scope.end)
      .$if(scope.communityId !== null, (qb) => qb.where('event.communityId', '=', scope.communityId!))
      .orderBy('event.startsAt')
      .orderBy('event.id')
      .execute();
    for (const event of events) {
      const cancelled = event.status === 'cancelled';
      for await (const page of inPages<SignUpRow>((after) => pageOfSignUps(db, event.id, after))) {
        for (const signUp of page) {
          yield [
            event.title,
            minuteCell(event.startsAt),
            event.communityName,
            EVENT_STATUS_LABELS[event.status],
            minuteCell(signUp.signedUpAt),
            Number(signUp.people),
            signUpStatus(cancelled, signUp),
            minuteCell(signUp.checkedInAt),
          ];
        }
      }
    }
  }
  return { title: '活动报名', columns: COLUMNS, rows: rows() };
}

import ExcelJS from 'exceljs';
import type { PublicEvent } from '@core/events/schemas';
import { supervisorStatus } from '@core/identity/supervisor-term';
import { shanghaiDateOf, shanghaiMinute } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';

export interface SignUpRecord {
  id: string;
  who: string;
  people: number;
  signedUpAt: string;
  checkedInAt: string | null;
  viaGrid: string | null;
}

/**
 * How many characters of the sign-up's id tell residents apart in the list. Never the check-in code:
 * whoever reads the list or its export could check the person in with it.
 */
const RESIDENT_LABEL_CHARACTERS = 6;

/**
 * The active sign-ups of an event as the office may see them: grid workers and supervisors (people
 * with a public role) by name, everyone else as 居民 and the start of their sign-up's id — never an
 * openid, a user id or a check-in code.
 */
export async function listSignUps(db: Database, eventId: string, now: Date): Promise<SignUpRecord[]> {
  const rows = await db
    .selectFrom('eventSignUp')
    .leftJoin('grid', 'grid.id', 'eventSignUp.viaGridId')
    .select([
      'eventSignUp.id',
      'eventSignUp.userId',
      'eventSignUp.people',
      'eventSignUp.signedUpAt',
      'eventSignUp.checkedInAt',
      'grid.name as viaGrid',
    ])
    .where('eventSignUp.eventId', '=', eventId)
    .where('eventSignUp.cancelledAt', 'is', null)
    .orderBy('eventSignUp.signedUpAt')
    .orderBy('eventSignUp.id')
    .execute();
  const userIds = rows.map((r) => r.userId);
  const names = new Map<string, string>();
  if (userIds.length > 0) {
    const today = shanghaiDateOf(now);
    const supervisors = await db
      .selectFrom('supervisor')
      .select(['userId', 'name', 'termStart', 'termEnd', 'revokedAt'])
      .where('userId', 'in', userIds)
      .execute();
    for (const s of supervisors) {
      if (s.userId && supervisorStatus(s, s.revokedAt !== null, today) === 'active') names.set(s.userId, `${s.name}（执法监督员）`);
    }
    const gridWorkers = await db
      .selectFrom('gridWorker')
      .select(['userId', 'name'])
      .where('userId', 'in', userIds)
      .where('revokedAt', 'is', null)
      .execute();
    for (const g of gridWorkers) if (g.userId) names.set(g.userId, `${g.name}（网格员）`);
  }
  return rows.map((r) => ({
    id: r.id,
    who: names.get(r.userId) ?? `居民 ${r.id.slice(0, RESIDENT_LABEL_CHARACTERS)}`,
    people: Number(r.people),
    signedUpAt: r.signedUpAt,
    checkedInAt: r.checkedInAt,
    viaGrid: r.viaGrid,
  }));
}

/** The sign-up list as a workbook for the office's records, times in Shanghai. */
export async function signUpWorkbook(event: PublicEvent, records: readonly SignUpRecord[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名名单');
  sheet.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '报名人', key: 'who', width: 24 },
    { header: '人数', key: 'people', width: 6 },
    { header: '报名时间', key: 'signedUpAt', width: 18 },
    { header: '签到时间', key: 'checkedInAt', width: 18 },
    { header: '经由网格', key: 'viaGrid', width: 20 },
  ];
  records.forEach((r, index) =>
    sheet.addRow({
      n: index + 1,
      who: r.who,
      people: r.people,
      signedUpAt: shanghaiMinute(new Date(r.signedUpAt)),
      checkedInAt: r.checkedInAt === null ? '' : shanghaiMinute(new Date(r.checkedInAt)),
      viaGrid: r.viaGrid ?? '',
    }),
  );
  sheet.getRow(1).font = { bold: true };
  workbook.title = event.title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

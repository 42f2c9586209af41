import { parseArgs } from 'node:util';
import { sessionsBetween } from '@core/sessions/calendar';
import { SessionOverrideInputSchema } from '@core/sessions/schemas';
import { addDays, shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { CommandError } from '../../shared/command-error';
import { findStation, listOverrides, listStations, removeOverride } from '../sessions/repository';
import { changeSession } from './agenda';

export const usage = `用法：
  npm run sessions -- list [--station 驿站编号]
  npm run sessions -- cancel --station 驿站编号 --date 2026-12-15 --reason "原因"
  npm run sessions -- move --station 驿站编号 --date 2026-12-15 --to 2026-12-16 [--start 09:00 --end 11:30] --reason "原因"
  npm run sessions -- restore --station 驿站编号 --date 2026-12-15`;

const STATUS_LABELS = { scheduled: '', cancelled: '（已取消）', moved: '（改期）' } as const;

/**
 * The office's command line for sessions (`npm run sessions`). It lives with feedback because
 * cancelling or moving a session moves its feedback too. Answers the text to print; the calendar
 * rules refuse what they would refuse from the staff pages.
 */
export async function runSessionsCommand(argv: string[], db: Database, now: Date): Promise<string> {
  const { positionals, values } = parseCommandLine(argv);
  const [action] = positionals;
  if (action === 'list') return listUpcoming(db, values.station, now);
  if (action !== 'cancel' && action !== 'move' && action !== 'restore') throw new CommandError(usage);
  if (!values.station) throw new CommandError('请用 --station 指明驿站编号（npm run sessions -- list 可查看）');

  const found = await findStation(db, values.station);
  if (!found) throw new CommandError(`找不到驿站 ${values.station}`);
  if (action === 'restore') {
    const date = values.date ?? '';
    await asCommandError(removeOverride(db, values.station, date));
    return `已恢复 ${found.station.name} ${date} 的接待日，按原定时间举行`;
  }
  const parsed = SessionOverrideInputSchema.safeParse(
    action === 'cancel'
      ? { kind: 'cancelled', originalDate: values.date, reason: values.reason }
      : {
          kind: 'moved',
          originalDate: values.date,
          newDate: values.to,
          newWindow: { start: values.start ?? found.rule.window.start, end: values.end ?? found.rule.window.end },
          reason: values.reason,
        },
  );
  if (!parsed.success) throw new CommandError(parsed.error.issues.map((i) => i.message).join('；'));
  // The session's feedback moves with it, in the same transaction, exactly as from the staff pages.
  const changed = await asCommandError(changeSession(db, values.station, parsed.data, { kind: 'system' }, now));
  const override = parsed.data;
  const said =
    override.kind === 'cancelled'
      ? `已取消 ${found.station.name} ${override.originalDate} 的接待日：${override.reason}`
      : `已将 ${found.station.name} ${override.originalDate} 的接待日改到 ${override.newDate} ${override.newWindow.start}–${override.newWindow.end}：${override.reason}`;
  if (changed.itemsMoved === 0) return said;
  return changed.carriedTo
    ? `${said}\n${changed.itemsMoved} 条反馈已转入 ${changed.carriedTo.date} 的接待日`
    : `${said}\n${changed.itemsMoved} 条反馈随接待日改期，已记入各自的办理记录`;
}

async function asCommandError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw new CommandError(error.message);
    throw error;
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        station: { type: 'string' },
        date: { type: 'string' },
        to: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        reason: { type: 'string' },
      },
    });
  } catch {
    throw new CommandError(usage);
  }
}

async function listUpcoming(db: Database, stationId: string | undefined, now: Date): Promise<string> {
  const ids = stationId ? [stationId] : (await listStations(db)).map((s) => s.id);
  const today = shanghaiDateOf(now);
  const lines: string[] = [];
  for (const id of ids) {
    const found = await findStation(db, id);
    if (!found) throw new CommandError(`找不到驿站 ${id}`);
    lines.push(`${found.station.name}（${found.station.id}）`);
    const sessions = sessionsBetween(found.rule, await listOverrides(db, found.station.id), today, addDays(today, 90));
    for (const s of sessions) {
      lines.push(`  ${s.date} ${s.window.start}–${s.window.end}${STATUS_LABELS[s.status]}${s.reason ? ` ${s.reason}` : ''}`);
    }
  }
  return lines.join('\n');
}

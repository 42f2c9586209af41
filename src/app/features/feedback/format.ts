import type { SessionRef } from '@core/feedback/schemas';
import { parseLocalDate, shanghaiDateOf, weekdayOf, type LocalDate } from '@core/shared/shanghai-time';

const SHORT_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 11月30日（周一） */
export function sessionDayLabel(date: LocalDate): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日（${SHORT_WEEKDAYS[weekdayOf(date)]}）`;
}

/** 11月30日（周一）朝天咀社区红色驿站接待日 */
export function sessionLabel(session: Pick<SessionRef, 'date' | 'stationName'>): string {
  return `${sessionDayLabel(session.date)}${session.stationName}接待日`;
}

/** An instant as Shanghai wall-clock time, whatever the phone's timezone: 2026年11月30日 09:05 */
export function instantLabel(iso: string): string {
  const instant = new Date(iso);
  const { year, month, day } = parseLocalDate(shanghaiDateOf(instant));
  const minutes = (((Math.floor(instant.getTime() / 60_000) + 8 * 60) % 1440) + 1440) % 1440;
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${year}年${month}月${day}日 ${clock}`;
}

/** `2026-05-01T09:30` (already Shanghai wall-clock) as 2026年5月1日 09:30 */
export function localDateTimeLabel(value: string): string {
  const [date, time] = value.split('T');
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日 ${time}`;
}

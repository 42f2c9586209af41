import { parseLocalDate, shanghaiDateOf, shanghaiTimeOf, type LocalDate } from '@core/shared/shanghai-time';
import { monthDayLabel } from '../../shared/format/session-label';

/** An instant as Shanghai wall-clock time, whatever the phone's timezone: 2026年11月30日 09:05 */
export function instantLabel(iso: string): string {
  const instant = new Date(iso);
  const { year, month, day } = parseLocalDate(shanghaiDateOf(instant));
  return `${year}年${month}月${day}日 ${shanghaiTimeOf(instant)}`;
}

/** `2026-05-01T09:30` (already Shanghai wall-clock) as 2026年5月1日 09:30 */
export function localDateTimeLabel(value: string): string {
  const [date, time] = value.split('T');
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日 ${time}`;
}

/** `11月15日接待日小结`: the public summary's title, also on its share card. */
export function summaryTitle(date: LocalDate): string {
  return `${monthDayLabel(date)}接待日小结`;
}

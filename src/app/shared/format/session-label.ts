import type { TimeWindow } from '@core/sessions/calendar';
import { isLocalDate, parseLocalDate, weekdayOf, type LocalDate } from '@core/shared/shanghai-time';

// One way of naming a session, for residents and the office alike.
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `11月30日` */
export function monthDayLabel(date: LocalDate): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日`;
}

/** `星期一` */
export function weekdayLabel(date: LocalDate): string {
  return WEEKDAYS[weekdayOf(date)];
}

/** `09:00–11:30` */
export function windowLabel(window: TimeWindow): string {
  return `${window.start}–${window.end}`;
}

/** `11月30日 星期一` */
export function sessionDayLabel(date: LocalDate): string {
  return `${monthDayLabel(date)} ${weekdayLabel(date)}`;
}

/** `11月30日 星期一 09:00–11:30 ×××红色驿站接待日` */
export function sessionLabel(session: { date: LocalDate; window: TimeWindow; stationName: string }): string {
  return `${sessionDayLabel(session.date)} ${windowLabel(session.window)} ${session.stationName}接待日`;
}

/** A session as an item's history names it: the day the station's rule gave it, or the key as it is. */
export function sessionKeyLabel(key: string): string {
  return isLocalDate(key) ? sessionDayLabel(key) : key;
}

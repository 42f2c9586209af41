import type { TimeWindow } from '@core/sessions/calendar';
import { parseLocalDate, weekdayOf, type LocalDate } from '@core/shared/shanghai-time';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function monthDayLabel(date: LocalDate): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日`;
}

export function weekdayLabel(date: LocalDate): string {
  return WEEKDAYS[weekdayOf(date)];
}

export function windowLabel(window: TimeWindow): string {
  return `${window.start}–${window.end}`;
}

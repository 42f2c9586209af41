import { parseLocalDate, type LocalDate } from '@core/shared/shanghai-time';
import { weekdayLabel } from '../../shared/format/session-label';

/** `2026年11月26日 星期四` */
export function activityDateLabel(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日 ${weekdayLabel(date)}`;
}

import { parseLocalDate } from '@core/shared/shanghai-time';

/** 11月30日 */
export function dayLabel(date: string): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日`;
}

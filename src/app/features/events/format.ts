import type { DatedKeyDate } from './calendar-month';

/** `12·4 国家宪法日（宪法）` — a key date with the law it is about. */
export function keyDateLabel(keyDate: Pick<DatedKeyDate, 'name' | 'law'>): string {
  return `${keyDate.name}（${keyDate.law}）`;
}

import { CONTEST_AUDIENCE_LABELS, type Contest } from '@core/quiz/schemas';
import { parseLocalDate, shanghaiDateOf, shanghaiTimeOf } from '@core/shared/shanghai-time';

// How a contest reads to residents and to the office alike.
export const CONTEST_STATUS_LABELS: Record<Contest['status'], string> = {
  open: '进行中',
  upcoming: '未开始',
  ended: '已结束',
};

const pad2 = (value: number) => String(value).padStart(2, '0');

/** `12月4日 09:00` in Shanghai, whatever the phone's timezone. */
function shanghaiMinuteLabel(iso: string): string {
  const instant = new Date(iso);
  const { month, day } = parseLocalDate(shanghaiDateOf(instant));
  return `${month}月${day}日 ${shanghaiTimeOf(instant)}`;
}

export function windowLabel(contest: Pick<Contest, 'startsAt' | 'endsAt'>): string {
  return `${shanghaiMinuteLabel(contest.startsAt)} 至 ${shanghaiMinuteLabel(contest.endsAt)}`;
}

/** `3分05秒`, or `45秒` under a minute. */
export function durationLabel(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes}分${pad2(rest)}秒` : `${rest}秒`;
}

export function audienceLabel(contest: Pick<Contest, 'audience'>): string {
  return CONTEST_AUDIENCE_LABELS[contest.audience];
}

/** What the contest draws from: 民法典（第一编 总则、第三编 合同）, or the whole law. */
export function scopeLabel(contest: Pick<Contest, 'law' | 'books'>): string {
  const law = contest.law === 'civil-code' ? '民法典' : '宪法';
  return contest.books.length > 0 ? `${law}（${contest.books.join('、')}）` : `${law}全文`;
}

/** A participation rate as a percentage, or why there is none. */
export function rateLabel(rate: number | null): string {
  return rate === null ? '未配置人口' : `${rate}%`;
}

import type { FeedbackEventAction, SessionRef } from '@core/feedback/schemas';
import { isLocalDate, shanghaiDateOf } from '@core/shared/shanghai-time';
import { monthDayLabel, weekdayLabel, windowLabel } from '../sessions/format';

// Shanghai keeps UTC+8 all year: the wall-clock time is the instant shifted by eight hours, read as UTC.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad2 = (value: number) => String(value).padStart(2, '0');

/** `2026-11-15 09:30` in Shanghai, whatever the timezone of the desk computer or phone. */
export function dateTimeLabel(iso: string): string {
  const instant = new Date(iso);
  const wall = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${shanghaiDateOf(instant)} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}

/** The 编号 staff read and type: the start of the item's id, which the inbox search also finds. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** `11月15日 星期日` */
export function sessionDayLabel(date: string): string {
  return `${monthDayLabel(date)} ${weekdayLabel(date)}`;
}

/** A session key as the history records it (the day the station's rule gave it). */
export function sessionKeyLabel(key: string): string {
  return isLocalDate(key) ? sessionDayLabel(key) : key;
}

export function sessionLabel(session: SessionRef): string {
  return `${sessionDayLabel(session.date)} ${windowLabel(session.window)} ${session.stationName}`;
}

export const EVENT_ACTION_LABELS: Record<FeedbackEventAction, string> = {
  submitted: '提交',
  accepted: '受理',
  replied: '答复',
  rejected: '不予受理',
  closed: '办结',
  rated: '评价',
  reopened: '评价不满意，退回重新办理',
  moved: '转到其他接待日',
  note: '内部备注',
  flagged: '标记研判',
  unflagged: '取消研判',
  linked: '标为重复',
};

/** `11月15日接待日小结`: the public summary's title, also on its share card. */
export function summaryTitle(date: string): string {
  return `${monthDayLabel(date)}接待日小结`;
}

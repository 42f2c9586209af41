import type { PublicEvent } from '@core/events/schemas';
import { EVENT_TYPE_LABELS } from '@core/events/schemas';
import { shanghaiDateOf, shanghaiTimeOf } from '@core/shared/shanghai-time';
import { sessionDayLabel } from './session-label';

// One way of naming an event's time, places and state, for residents and the office alike.

export function eventTypeLabel(event: Pick<PublicEvent, 'type'>): string {
  return EVENT_TYPE_LABELS[event.type];
}

/** `12月4日 星期五 09:00–11:30`, or across days `12月1日 星期二 09:00 – 12月7日 星期一 17:00`, in Shanghai time. */
export function eventTimeLabel(event: Pick<PublicEvent, 'startsAt' | 'endsAt'>): string {
  const starts = new Date(event.startsAt);
  const ends = new Date(event.endsAt);
  const startDay = shanghaiDateOf(starts);
  const endDay = shanghaiDateOf(ends);
  if (startDay === endDay) return `${sessionDayLabel(startDay)} ${shanghaiTimeOf(starts)}–${shanghaiTimeOf(ends)}`;
  return `${sessionDayLabel(startDay)} ${shanghaiTimeOf(starts)} – ${sessionDayLabel(endDay)} ${shanghaiTimeOf(ends)}`;
}

/** `还剩 3 个名额（共 30 个）`, `名额已满（共 30 个）` or `不限名额`. */
export function placesLabel(event: Pick<PublicEvent, 'capacity' | 'placesLeft'>): string {
  if (event.capacity === null || event.placesLeft === null) return '不限名额';
  if (event.placesLeft <= 0) return `名额已满（共 ${event.capacity} 个）`;
  return `还剩 ${event.placesLeft} 个名额（共 ${event.capacity} 个）`;
}

/** The theme, with the law it is about when there is one: `民法典进万家 · 民法典`. */
export function themeLabel(event: Pick<PublicEvent, 'theme' | 'law'>): string {
  return event.law ? `${event.theme} · ${event.law}` : event.theme;
}

/** What a resident should know first about where an event stands, or null when it is simply on. */
export function eventStateLabel(event: Pick<PublicEvent, 'status' | 'timing'>): string | null {
  if (event.status === 'cancelled') return '已取消';
  if (event.status === 'draft') return '草稿';
  if (event.timing === 'ongoing') return '进行中';
  if (event.timing === 'past') return '已结束';
  return null;
}

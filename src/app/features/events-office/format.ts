import type { PublicEvent } from '@core/events/schemas';

const STATUS_LABELS: Record<PublicEvent['status'], string> = { draft: '草稿', published: '已发布', cancelled: '已取消' };

/** The event's state as the office reads it: a published event that has ended says so. */
export function statusLabel(event: Pick<PublicEvent, 'status' | 'timing'>): string {
  if (event.status === 'published' && event.timing === 'past') return '已结束';
  if (event.status === 'published' && event.timing === 'ongoing') return '进行中';
  return STATUS_LABELS[event.status];
}

import type { FeedbackEventAction } from '@core/feedback/schemas';

/** The 编号 staff read and type: the start of the item's id, which the inbox search also finds. */
export function shortId(id: string): string {
  return id.slice(0, 8);
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

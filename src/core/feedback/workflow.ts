/** Where an enforcement-feedback item stands (DESIGN §3). */
export type FeedbackStatus = 'pending' | 'accepted' | 'replied' | 'closed' | 'rejected';

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  pending: '待受理',
  accepted: '已受理',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

export type FeedbackAction =
  | { kind: 'accept' }
  | { kind: 'reply' }
  | { kind: 'reject'; reason: string }
  | { kind: 'close' }
  | { kind: 'rate'; stars: number };

export interface FeedbackState {
  status: FeedbackStatus;
  /** A low rating reopens an item once; after that a low rating is recorded and nothing more. */
  reopened: boolean;
}

export type TransitionProblem = 'not-allowed' | 'reason-missing' | 'stars-out-of-range';

const ALLOWED_FROM: Record<FeedbackAction['kind'], readonly FeedbackStatus[]> = {
  accept: ['pending'],
  reply: ['pending', 'accepted', 'replied'],
  reject: ['pending'],
  close: ['replied'],
  rate: ['replied', 'closed'],
};

/** Ratings of this many stars or fewer send the item back to the office, once. */
export const REOPENING_STARS = 2;

/**
 * The state an action leads to, or why it cannot be taken: 待受理 → 已受理 → 已答复 → 已办结, or
 * 不予受理 with a reason; a reply may come straight from 待受理 (the office accepts by answering).
 */
export function applyAction(state: FeedbackState, action: FeedbackAction): FeedbackState | TransitionProblem {
  if (!ALLOWED_FROM[action.kind].includes(state.status)) return 'not-allowed';
  switch (action.kind) {
    case 'accept':
      return { ...state, status: 'accepted' };
    case 'reply':
      return { ...state, status: 'replied' };
    case 'reject':
      return action.reason.trim().length < 2 ? 'reason-missing' : { ...state, status: 'rejected' };
    case 'close':
      return { ...state, status: 'closed' };
    case 'rate':
      if (!Number.isInteger(action.stars) || action.stars < 1 || action.stars > 5) return 'stars-out-of-range';
      if (action.stars <= REOPENING_STARS && !state.reopened) return { status: 'accepted', reopened: true };
      return state;
  }
}

/** Waiting for the office: what the inbox, the reminders and the overdue count treat as still to do. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['pending', 'accepted'];

export function isOpen(status: FeedbackStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

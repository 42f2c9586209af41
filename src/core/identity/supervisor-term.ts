import type { LocalDate } from '../shared/shanghai-time';

export type SupervisorStatus = 'active' | 'not_started' | 'expired' | 'revoked';

export const SUPERVISOR_STATUS_LABELS: Record<SupervisorStatus, string> = {
  active: '在聘',
  not_started: '未到聘期',
  expired: '聘期已满',
  revoked: '已撤销',
};

/** A supervisor holds supervisor rights only within the term on the certificate, both days included. */
export function supervisorStatus(
  term: { termStart: LocalDate; termEnd: LocalDate },
  revoked: boolean,
  today: LocalDate,
): SupervisorStatus {
  if (revoked) return 'revoked';
  if (today < term.termStart) return 'not_started';
  if (today > term.termEnd) return 'expired';
  return 'active';
}

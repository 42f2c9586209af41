import { feedbackContract } from '@core/feedback/contract';
import { callApi } from '../../../shared/api/api-client';

/** A closed session's public summary: anyone may read it, signed in or not. */
export function fetchSessionSummary(stationId: string, date: string) {
  return callApi(feedbackContract.sessionSummary, { params: { stationId, date } });
}

import { supervisionContract } from '@core/supervision/contract';
import type { Activity, LogActivity } from '@core/supervision/schemas';
import { callAsResident } from '../../../shared/api/auth-session';

/** A supervisor is a resident with a bound appointment: the calls go out under the resident's sign-in. */
export function logActivity(body: LogActivity): Promise<Activity> {
  return callAsResident(supervisionContract.logActivity, { body });
}

export async function fetchMyActivities(): Promise<Activity[]> {
  return (await callAsResident(supervisionContract.myActivities)).activities;
}

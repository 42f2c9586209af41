import { reportsContract } from '@core/reports/contract';
import type { Transparency } from '@core/reports/schemas';
import { callApi } from '../../../shared/api/api-client';

/** The public figures of a year (the server's this year when none is named): read without signing in. */
export function fetchTransparency(year: number | null): Promise<Transparency> {
  return callApi(reportsContract.transparency, { query: year === null ? {} : { year } });
}

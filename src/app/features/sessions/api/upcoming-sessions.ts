import { sessionsContract } from '@core/sessions/contract';
import { StationSessionsSchema, type StationSessions } from '@core/sessions/schemas';
import { ApiRequestError, callApi } from '../../../shared/api/api-client';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';

const UPCOMING_COUNT = 6;

/** Without a station chosen (a plain visit, not a shared card), the town's first station is shown. */
async function loadUpcomingSessions(stationId: string | undefined): Promise<StationSessions> {
  let id = stationId;
  if (!id) {
    const { stations } = await callApi(sessionsContract.listStations);
    if (stations.length === 0) throw new ApiRequestError('server', 404, '镇里还没有设置红色驿站');
    id = stations[0].id;
  }
  return callApi(sessionsContract.upcomingSessions, {
    params: { stationId: id },
    query: { count: UPCOMING_COUNT },
  });
}

export function useUpcomingSessions(stationId: string | undefined) {
  return useCachedQuery({
    cacheKey: `sessions.upcoming.${stationId ?? 'default'}`,
    load: () => loadUpcomingSessions(stationId),
    readCache: (stored) => {
      const parsed = StationSessionsSchema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
  });
}

import * as z from 'zod/mini';
import { sessionsContract } from '@core/sessions/contract';
import { StationSessionsSchema } from '@core/sessions/schemas';
import { callApi } from '../../../shared/api/api-client';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';

const UPCOMING_COUNT = 6;

const NoStationSchema = z.object({ station: z.null(), sessions: z.array(z.never()) });
const UpcomingViewSchema = z.union([StationSessionsSchema, NoStationSchema]);
/** A station with its coming sessions, or, in a town that has configured none, no station. */
export type UpcomingView = z.infer<typeof UpcomingViewSchema>;

/** Without a station chosen (a plain visit, not a shared card), the town's first station is shown. */
async function loadUpcomingSessions(stationId: string | undefined): Promise<UpcomingView> {
  let id = stationId;
  if (!id) {
    const { stations } = await callApi(sessionsContract.listStations);
    if (stations.length === 0) return { station: null, sessions: [] };
    id = stations[0].id;
  }
  return callApi(sessionsContract.upcomingSessions, {
    params: { stationId: id },
    query: { count: UPCOMING_COUNT },
  });
}

export function useUpcomingSessions(stationId: string | undefined) {
  return useCachedQuery<UpcomingView>({
    cacheKey: `sessions.upcoming.${stationId ?? 'default'}`,
    load: () => loadUpcomingSessions(stationId),
    readCache: (stored) => {
      const parsed = UpcomingViewSchema.safeParse(stored);
      if (!parsed.success) return null;
      // A copy whose sessions have all passed would only mislead.
      const current = parsed.data.sessions.some((s) => new Date(s.endsAt).getTime() > Date.now());
      return current ? parsed.data : null;
    },
  });
}

import { sessionsContract } from '@core/sessions/contract';
import { callApi } from './api-client';

/**
 * Each station's next session that will be held (the one being held now counts), for the links to
 * its agenda. A station with none ahead is left out.
 */
export async function nextHeldSessions() {
  const { stations } = await callApi(sessionsContract.listStations);
  const upcoming = await Promise.all(
    stations.map((station) => callApi(sessionsContract.upcomingSessions, { params: { stationId: station.id }, query: { count: 4 } })),
  );
  return upcoming.flatMap(({ station, sessions }) => {
    const next = sessions.find((s) => s.status !== 'cancelled');
    return next ? [{ station, session: next }] : [];
  });
}

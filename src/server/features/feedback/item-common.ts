import type { SessionRef } from '@core/feedback/schemas';
import type { Database } from '../../db/schema';
import { loadStationSessions, toSessionRef, type StationSessions } from './session-refs';

const EXCERPT_CHARACTERS = 60;

/** The first characters of a text, whole characters only (never half of an emoji). */
export function excerptOf(content: string): string {
  const characters = Array.from(content.replace(/\s+/g, ' '));
  return characters.length <= EXCERPT_CHARACTERS ? characters.join('') : `${characters.slice(0, EXCERPT_CHARACTERS).join('')}…`;
}

export function photoUrl(photoId: string): string {
  return `/api/feedback/photos/${photoId}`;
}

/** Turns items' (station, session key) into sessions, reading each station's calendar once. */
export function sessionRefReader(db: Database): (stationId: string, sessionDate: string) => Promise<SessionRef> {
  const stations = new Map<string, Promise<StationSessions | undefined>>();
  return async (stationId, sessionDate) => {
    if (!stations.has(stationId)) stations.set(stationId, loadStationSessions(db, stationId));
    const context = await stations.get(stationId);
    if (!context) throw new Error(`Feedback refers to station ${stationId}, which no longer exists`);
    return toSessionRef(context, sessionDate);
  };
}

import type { CalendarEntry } from '../shared/icalendar';
import type { Session } from './calendar';
import type { Station } from './schemas';

/** Phones remind the day before: enough time to plan the trip to the station. */
const REMIND_MINUTES_BEFORE = 24 * 60;

/** One session as a dated phone-calendar entry, the same in the .ics file and in WeChat's calendar. */
export function calendarEntryFor(station: Station, session: Session): CalendarEntry {
  return {
    uid: `${station.id}-${session.originalDate}@fazhi-yizhan`,
    title: `${station.name}接待日`,
    description: `${station.subtitle}：现场收集行政执法监督意见，回应群众关切。`,
    location: station.address,
    startsAt: new Date(session.startsAt),
    endsAt: new Date(session.endsAt),
    remindMinutesBefore: REMIND_MINUTES_BEFORE,
  };
}

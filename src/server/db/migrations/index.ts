import type { Migration } from 'kysely';
import * as townAndSessions from './0001-town-and-sessions';
import * as identity from './0002-identity';
import * as feedback from './0003-feedback';
import * as quiz from './0004-quiz';
import * as contests from './0005-contests';
import * as sessionReminders from './0006-session-reminders';
import * as events from './0007-events';
import * as sharing from './0008-sharing';
import * as attribution from './0009-attribution';
import * as reports from './0010-reports';

/** Every migration, in order; keys sort the way they must run. */
export const migrations: Record<string, Migration> = {
  '0001-town-and-sessions': townAndSessions,
  '0002-identity': identity,
  '0003-feedback': feedback,
  '0004-quiz': quiz,
  '0005-contests': contests,
  '0006-session-reminders': sessionReminders,
  '0007-events': events,
  '0008-sharing': sharing,
  '0009-attribution': attribution,
  '0010-reports': reports,
};

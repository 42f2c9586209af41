import type { SessionRule } from '../../src/core/sessions/calendar';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { townFile } from './test-database';

/** The first station of data/town.json, which the app shows when no station is named. */
export const firstStation = loadTownConfig(townFile).stations[0];

export const firstStationRule: SessionRule = { daysOfMonth: firstStation.daysOfMonth, window: firstStation.window };

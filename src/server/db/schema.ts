import type { Kysely } from 'kysely';

// Column names are camelCase here; CamelCasePlugin maps them to snake_case in SQL.

export interface TownTable {
  id: number;
  name: string;
  district: string;
  city: string;
  office: string;
}

export interface CommunityTable {
  id: string;
  name: string;
  kind: string;
}

export interface StationTable {
  id: string;
  name: string;
  subtitle: string;
  communityId: string;
  address: string;
  latitude: number;
  longitude: number;
  /** Comma-separated days of the month, e.g. "15,30". */
  daysOfMonth: string;
  windowStart: string;
  windowEnd: string;
}

export interface SessionOverrideTable {
  stationId: string;
  originalDate: string;
  kind: 'cancelled' | 'moved';
  newDate: string | null;
  newWindowStart: string | null;
  newWindowEnd: string | null;
  reason: string;
  createdAt: string;
}

export interface DatabaseSchema {
  town: TownTable;
  community: CommunityTable;
  station: StationTable;
  sessionOverride: SessionOverrideTable;
}

export type Database = Kysely<DatabaseSchema>;

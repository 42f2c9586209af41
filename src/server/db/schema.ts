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
  /** The order of data/town.json: the first is the one shown when no station is named. */
  position: number;
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

export interface GridTable {
  id: string;
  name: string;
  communityId: string;
}

export interface AppUserTable {
  id: string;
  kind: 'wechat' | 'guest';
  wechatOpenid: string | null;
  createdAt: string;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  displayName: string;
  role: 'staff' | 'admin';
  passwordHash: string;
  /** 1 until the one-time password has been replaced. */
  mustChangePassword: number;
  createdAt: string;
}

export interface AttemptLimitTable {
  key: string;
  failures: number;
  lockedUntil: string | null;
}

export interface AuthTokenTable {
  /** SHA-256 of the token: a stolen database holds no usable token. */
  tokenHash: string;
  subjectKind: 'user' | 'staff';
  subjectId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface SupervisorTable {
  id: string;
  name: string;
  certificateNo: string;
  termStart: string;
  termEnd: string;
  userId: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface GridWorkerTable {
  id: string;
  name: string;
  gridId: string;
  userId: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface BindingCodeTable {
  codeHash: string;
  targetKind: 'supervisor' | 'grid_worker';
  targetId: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface DatabaseSchema {
  town: TownTable;
  community: CommunityTable;
  station: StationTable;
  sessionOverride: SessionOverrideTable;
  grid: GridTable;
  appUser: AppUserTable;
  staffAccount: StaffAccountTable;
  authToken: AuthTokenTable;
  attemptLimit: AttemptLimitTable;
  supervisor: SupervisorTable;
  gridWorker: GridWorkerTable;
  bindingCode: BindingCodeTable;
}

export type Database = Kysely<DatabaseSchema>;

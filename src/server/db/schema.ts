import type { ColumnType, Kysely } from 'kysely';
import type { EventType } from '@core/events/schemas';
import type { ShareKind } from '@core/sharing/schemas';

// Column names are camelCase here; CamelCasePlugin maps them to snake_case in SQL.

export interface TownTable {
  id: number;
  name: string;
  district: string;
  city: string;
  office: string;
  replyWorkingDays: ColumnType<number, number | undefined, number>;
  hotline: string | null;
  email: string | null;
}

export interface CommunityTable {
  id: string;
  name: string;
  kind: string;
  /** Residents, from the configuration on every start: the denominator of contest participation rates. */
  population: number | null;
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
  population: number | null;
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
  /** The short public code on the worker's share cards; null until first needed. */
  sharerCode: string | null;
}

export interface BindingCodeTable {
  codeHash: string;
  targetKind: 'supervisor' | 'grid_worker';
  targetId: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface FeedbackCategoryTable {
  id: string;
  name: string;
  position: number;
}

export interface WorkCalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
}

export interface PhotoUploadTable {
  photoId: string;
  userId: string;
  mediaType: string;
  bytes: number;
  uploadedAt: string;
}

export interface FeedbackItemTable {
  id: string;
  clientId: string;
  submitterId: string;
  kind: 'supervision' | 'complaint' | 'suggestion' | 'inquiry';
  categoryId: string;
  content: string;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  /** `YYYY-MM-DDTHH:mm` in Shanghai. */
  incidentAt: string | null;
  anonymous: number;
  mobile: string | null;
  enforcementUnit: string | null;
  caseReference: string | null;
  supervisorId: string | null;
  stationId: string;
  /** The session's original (rule) date: its stable key. */
  sessionDate: string;
  onSite: number;
  status: 'pending' | 'accepted' | 'replied' | 'closed' | 'rejected';
  reopened: number;
  flagged: number;
  duplicateOf: string | null;
  submittedAt: string;
  /** The last day for a reply (Shanghai date). */
  replyDue: string;
  ratingStars: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  /** The grid and worker whose shared card brought the visitor here (share_open); null otherwise. */
  viaGridId: string | null;
  sharerId: string | null;
}

export interface FeedbackPhotoTable {
  itemId: string;
  position: number;
  photoId: string;
  mediaType: string;
}

export interface FeedbackEventTable {
  itemId: string;
  seq: number;
  at: string;
  action: string;
  actorKind: 'submitter' | 'staff' | 'system';
  staffId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  stars: number | null;
  movedFrom: string | null;
  movedTo: string | null;
  linkedItemId: string | null;
}

export interface SessionRecordTable {
  stationId: string;
  sessionDate: string;
  closedAt: string;
  closedBy: string;
  summary: string;
}

export interface NotificationGrantTable {
  userId: string;
  template: string;
  remaining: number;
}

export interface NotificationOutboxTable {
  id: string;
  userId: string;
  itemId: string | null;
  template: string;
  payload: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'not_sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  /** Set on a message that must be queued once only (`session:<user>:<station>:…`); null otherwise. */
  dedupeKey: string | null;
}

export interface ContestTable {
  id: string;
  title: string;
  law: 'civil-code' | 'constitution';
  /** JSON array of book titles; empty means the whole law. */
  books: string;
  questionCount: number;
  timeLimitMinutes: number;
  attemptsAllowed: number;
  startsAt: string;
  endsAt: string;
  audience: 'everyone' | 'supervisors' | 'grid_workers';
  createdBy: string;
  createdAt: string;
}

export interface ContestAttemptTable {
  id: string;
  contestId: string;
  userId: string;
  /** 1, 2, … per person and contest. */
  seq: number;
  communityId: string;
  gridId: string | null;
  /** JSON of PaperEntry[]: the questions and option orders the person saw. */
  paper: string;
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  /** JSON of the chosen options per question, in the paper's order. */
  answers: string | null;
  /** Null until scored, and for ever when the submission came late. */
  score: number | null;
  correctCount: number | null;
  secondsTaken: number | null;
  /** The grid and worker whose shared card brought the visitor here (share_open); null otherwise. */
  viaGridId: string | null;
  sharerId: string | null;
}

export interface EventTable {
  id: string;
  title: string;
  type: EventType;
  theme: string;
  law: string | null;
  /** ISO instants in UTC. */
  startsAt: string;
  endsAt: string;
  placeName: string;
  placeAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  communityId: string;
  organiser: string;
  /** Null: no limit. */
  capacity: number | null;
  /** People on the active sign-ups. */
  signedUp: number;
  description: string;
  status: 'draft' | 'published' | 'cancelled';
  cancelReason: string | null;
  /** People there as the office counted them afterwards; null until recorded. */
  attendance: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface EventSignUpTable {
  id: string;
  eventId: string;
  userId: string;
  people: number;
  signedUpAt: string;
  /** Set while the sign-up is cancelled; signing up again clears it. */
  cancelledAt: string | null;
  checkInCode: string;
  checkedInAt: string | null;
  checkedInBy: string | null;
  viaGridId: string | null;
  sharerId: string | null;
}

export interface EventReminderTable {
  eventId: string;
  userId: string;
  askedAt: string;
}

export interface QuizQuestionTable {
  id: string;
  law: 'civil-code' | 'constitution';
  type: 'single' | 'multiple' | 'true_false';
  stem: string;
  /** JSON arrays: options (strings), answer (option indexes), articles (numbers), tags (strings). */
  options: string;
  answer: string;
  explanation: string;
  articles: string;
  difficulty: number;
  tags: string;
  /** Where the first cited article sits in the law (placeOf). */
  book: string | null;
  chapter: string | null;
  retired: number;
  /** 'bank' rows follow data/questions; 'edited' and 'imported' ones are the office's and never overwritten. */
  source: 'bank' | 'edited' | 'imported';
  updatedAt: string;
}

export interface QuizDailyTable {
  userId: string;
  /** Shanghai day. */
  date: string;
  /** JSON array of the ids drawn that day, kept so that the set never changes even if the bank does. */
  questionIds: string;
  drawnAt: string;
  /** JSON of { questionId, chosen }[] in the set's order; null until submitted. */
  results: string | null;
  score: number | null;
  correctCount: number | null;
  submittedAt: string | null;
  /** The grid and worker whose shared card brought the visitor here (share_open); null otherwise. */
  viaGridId: string | null;
  sharerId: string | null;
}

export interface QuizWrongAnswerTable {
  userId: string;
  questionId: string;
  wrongCount: number;
  lastWrongAt: string;
}

export interface QuestionReportTable {
  id: string;
  questionId: string;
  /** Kept only so that a retried report is not filed twice; never shown to the office. */
  reporterId: string;
  reason: string;
  reportedAt: string;
  status: 'open' | 'fixed' | 'retired' | 'dismissed';
  resolvedAt: string | null;
  resolvedBy: string | null;
  note: string | null;
}

export interface ShareOpenTable {
  visitorId: string;
  kind: ShareKind;
  itemId: string;
  /** Both null when the card carried no valid sharer (an unattributed open). */
  sharerId: string | null;
  gridId: string | null;
  openedAt: string;
  /** Shanghai day of openedAt. */
  openedOn: string;
}

export interface ShareSceneTable {
  /** The scene a WeChat mini-program code carries (at most 32 characters). */
  id: string;
  kind: ShareKind;
  itemId: string;
  sharerId: string | null;
  lookupKey: string;
  createdAt: string;
}

export interface EnforcementActivityTable {
  id: string;
  clientId: string;
  supervisorId: string;
  /** Shanghai day. */
  date: string;
  unit: string;
  place: string | null;
  observation: string;
  loggedAt: string;
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
  feedbackCategory: FeedbackCategoryTable;
  workCalendarDay: WorkCalendarDayTable;
  photoUpload: PhotoUploadTable;
  feedbackItem: FeedbackItemTable;
  feedbackPhoto: FeedbackPhotoTable;
  feedbackEvent: FeedbackEventTable;
  sessionRecord: SessionRecordTable;
  notificationGrant: NotificationGrantTable;
  notificationOutbox: NotificationOutboxTable;
  quizQuestion: QuizQuestionTable;
  quizDaily: QuizDailyTable;
  quizWrongAnswer: QuizWrongAnswerTable;
  questionReport: QuestionReportTable;
  contest: ContestTable;
  contestAttempt: ContestAttemptTable;
  event: EventTable;
  eventSignUp: EventSignUpTable;
  eventReminder: EventReminderTable;
  shareOpen: ShareOpenTable;
  shareScene: ShareSceneTable;
  enforcementActivity: EnforcementActivityTable;
}

export type Database = Kysely<DatabaseSchema>;

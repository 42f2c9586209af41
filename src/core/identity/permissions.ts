import { ROLES, type Role } from './roles';

const EVERYONE = ROLES;
const SIGNED_IN: readonly Role[] = ['resident', 'supervisor', 'grid_worker', 'staff', 'admin'];
const PEOPLE: readonly Role[] = ['resident', 'supervisor', 'grid_worker'];
const OFFICE: readonly Role[] = ['staff', 'admin'];

/**
 * Which roles may call each operation: the one table the server enforces on every route.
 * A signed-in resident who is also a supervisor holds both roles; any one that is listed allows.
 */
export const PERMISSIONS = {
  'system.health': EVERYONE,
  'sessions.listStations': EVERYONE,
  'sessions.listSessions': EVERYONE,
  'sessions.upcomingSessions': EVERYONE,
  'sessions.calendarFile': EVERYONE,
  'law.contents': EVERYONE,
  'law.article': EVERYONE,
  'law.chapter': EVERYONE,
  'law.search': EVERYONE,
  'identity.signInWeChat': EVERYONE,
  'identity.signInGuest': EVERYONE,
  'identity.signInStaff': EVERYONE,
  'identity.signOut': SIGNED_IN,
  'identity.me': SIGNED_IN,
  'identity.bind': PEOPLE,
  'identity.changePassword': OFFICE,
  'staff.listGrids': OFFICE,
  'staff.listSupervisors': OFFICE,
  'staff.createSupervisor': OFFICE,
  'staff.issueSupervisorCode': OFFICE,
  'staff.revokeSupervisor': OFFICE,
  'staff.listGridWorkers': OFFICE,
  'staff.createGridWorker': OFFICE,
  'staff.issueGridWorkerCode': OFFICE,
  'staff.revokeGridWorker': OFFICE,
  'feedback.form': PEOPLE,
  'feedback.uploadPhoto': PEOPLE,
  // Who may see one photo is decided per photo: its uploader, the item's submitter, the office.
  'feedback.photo': SIGNED_IN,
  'feedback.submit': PEOPLE,
  'feedback.mine': PEOPLE,
  'feedback.mineDetail': PEOPLE,
  'feedback.rate': PEOPLE,
  'feedback.subscribe': PEOPLE,
  'feedback.sessionSummary': EVERYONE,
  'staff.feedbackInbox': OFFICE,
  'staff.feedbackItem': OFFICE,
  'staff.feedbackAction': OFFICE,
  'staff.sessionAgenda': OFFICE,
  'staff.closeSession': OFFICE,
  'staff.changeSession': OFFICE,
  'quiz.daily': PEOPLE,
  'quiz.submitDaily': PEOPLE,
  'quiz.scopes': PEOPLE,
  'quiz.nextPractice': PEOPLE,
  'quiz.answerPractice': PEOPLE,
  'quiz.wrongBook': PEOPLE,
  'quiz.reportQuestion': PEOPLE,
  'quiz.contests': PEOPLE,
  'quiz.contest': PEOPLE,
  'quiz.startAttempt': PEOPLE,
  'quiz.attempt': PEOPLE,
  'quiz.submitAttempt': PEOPLE,
  // The office reads rankings too; residents see theirs marked.
  'quiz.ranking': SIGNED_IN,
  'staff.questions': OFFICE,
  'staff.editQuestion': OFFICE,
  'staff.retireQuestion': OFFICE,
  'staff.importQuestions': OFFICE,
  'staff.questionReports': OFFICE,
  'staff.resolveQuestionReport': OFFICE,
  'staff.contests': OFFICE,
  'staff.createContest': OFFICE,
  'events.list': EVERYONE,
  'events.event': EVERYONE,
  'events.calendarFile': EVERYONE,
  'events.signUp': PEOPLE,
  'events.cancelSignUp': PEOPLE,
  'events.remind': PEOPLE,
  'events.checkInCode': PEOPLE,
  'staff.events': OFFICE,
  'staff.createEvent': OFFICE,
  'staff.updateEvent': OFFICE,
  'staff.publishEvent': OFFICE,
  'staff.cancelEvent': OFFICE,
  'staff.eventSignUps': OFFICE,
  'staff.eventSignUpsFile': OFFICE,
  'staff.checkIn': OFFICE,
  // Recorded per visitor, so the visitor is signed in (a card opened from Moments records nothing).
  'sharing.open': PEOPLE,
  'sharing.mine': ['grid_worker'],
  'sharing.posterCode': EVERYONE,
  // A poster's code is scanned before anyone signs in; it names only the content and a public sharer code.
  'sharing.scene': EVERYONE,
  'staff.shareBoard': OFFICE,
  'supervision.logActivity': ['supervisor'],
  'supervision.myActivities': ['supervisor'],
  'staff.supervisionActivities': OFFICE,
  'staff.dashboard': OFFICE,
  'staff.annualSummary': OFFICE,
  'staff.annualSummaryFile': OFFICE,
  'staff.exportFeedback': OFFICE,
  'staff.exportSignUps': OFFICE,
  'staff.exportQuizResults': OFFICE,
  'staff.recordAttendance': OFFICE,
  'public.transparency': EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof PERMISSIONS;

/** Operations a staff member may still call before changing the one-time password. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: readonly Operation[] = [
  'identity.me',
  'identity.signOut',
  'identity.changePassword',
];

export function mayCall(roles: readonly Role[], operation: Operation): boolean {
  const allowed: readonly Role[] = PERMISSIONS[operation];
  return roles.some((role) => allowed.includes(role));
}

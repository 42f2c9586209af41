/** Where each page lives, for navigation between features (paths as in app.config.ts). */
export const PAGES = {
  home: '/pages/home/index',
  feedback: '/pages/feedback/index',
  me: '/pages/me/index',
  privacy: '/packages/info/privacy/index',
  myFeedback: '/packages/feedback/mine/index',
  feedbackDetail: '/packages/feedback/detail/index',
  staffSignIn: '/staff/sign-in/index',
  staffPassword: '/staff/password/index',
  staffPeople: '/staff/people/index',
  staffInbox: '/staff/inbox/index',
  staffItem: '/staff/item/index',
  staffAgenda: '/staff/agenda/index',
  sessionSummary: '/packages/info/session-summary/index',
} as const;

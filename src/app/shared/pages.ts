/** Where each page lives, for navigation between features (paths as in app.config.ts). */
export const PAGES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  privacy: '/packages/info/privacy/index',
  staffSignIn: '/staff/sign-in/index',
  staffPassword: '/staff/password/index',
  staffPeople: '/staff/people/index',
} as const;

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/events/index', 'pages/quiz/index', 'pages/feedback/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/info', pages: ['privacy/index', 'session-summary/index'] },
    { root: 'packages/feedback', pages: ['mine/index', 'detail/index'] },
    {
      root: 'packages/quiz',
      pages: ['daily/index', 'practice/index', 'wrong-book/index', 'article/index', 'civil-code/index', 'civil-code-chapter/index'],
    },
    { root: 'packages/contest', pages: ['list/index', 'detail/index', 'take/index', 'result/index', 'ranking/index'] },
    { root: 'packages/sharing', pages: ['mine/index', 'poster/index'] },
    { root: 'packages/events', pages: ['detail/index', 'check-in-code/index'] },
    // The office's pages never ship in the main package that every resident downloads.
    {
      root: 'staff',
      pages: [
        'sign-in/index',
        'password/index',
        'people/index',
        'inbox/index',
        'item/index',
        'agenda/index',
        'contests/index',
        'contest-new/index',
        'contest/index',
        'questions/index',
        'question/index',
        'question-import/index',
        'reports/index',
        'share-board/index',
        'events/index',
        'event-edit/index',
        'event-sign-ups/index',
      ],
    },
  ],
  tabBar: {
    color: '#555555',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/events/index',
        text: '活动',
        iconPath: 'assets/tab/events.png',
        selectedIconPath: 'assets/tab/events-active.png',
      },
      {
        pagePath: 'pages/quiz/index',
        text: '答题',
        iconPath: 'assets/tab/quiz.png',
        selectedIconPath: 'assets/tab/quiz-active.png',
      },
      {
        pagePath: 'pages/feedback/index',
        text: '监督',
        iconPath: 'assets/tab/feedback.png',
        selectedIconPath: 'assets/tab/feedback-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  // WeChat lets a mini-program call these only when declared: the feedback form's place picker.
  requiredPrivateInfos: ['chooseLocation'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '法治驿站',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/info', pages: ['privacy/index'] },
    // The office's pages never ship in the main package that every resident downloads.
    { root: 'staff', pages: ['sign-in/index', 'password/index', 'people/index'] },
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
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '法治驿站',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});

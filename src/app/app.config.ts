export default defineAppConfig({
  pages: ['pages/home/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '法治驿站',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});

export default definePageConfig({
  navigationBarTitleText: '接待日小结',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

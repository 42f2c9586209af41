export default definePageConfig({
  navigationBarTitleText: '每日一练',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

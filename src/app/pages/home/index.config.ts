export default definePageConfig({
  navigationBarTitleText: '法治驿站',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

export default definePageConfig({
  navigationBarTitleText: '公开信息',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

export default definePageConfig({
  navigationBarTitleText: '法治宣传活动',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

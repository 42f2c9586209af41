export default definePageConfig({
  navigationBarTitleText: '民法典答题',
  enablePullDownRefresh: true,
});

export default definePageConfig({
  navigationBarTitleText: '法条原文',
});

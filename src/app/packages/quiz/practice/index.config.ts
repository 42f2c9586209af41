export default definePageConfig({
  navigationBarTitleText: '专项练习',
});

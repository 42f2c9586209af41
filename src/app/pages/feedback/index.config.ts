export default definePageConfig({
  navigationBarTitleText: '执法监督反馈',
});

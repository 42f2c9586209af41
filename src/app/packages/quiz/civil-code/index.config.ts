export default definePageConfig({
  navigationBarTitleText: '民法典全文',
});

export default definePageConfig({ navigationBarTitleText: '反馈收件箱' });

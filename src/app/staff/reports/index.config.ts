export default definePageConfig({ navigationBarTitleText: '题目纠错' });

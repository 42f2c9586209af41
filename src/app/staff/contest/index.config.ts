export default definePageConfig({ navigationBarTitleText: '竞赛成绩' });

export default definePageConfig({ navigationBarTitleText: '执法活动记录', enablePullDownRefresh: true });

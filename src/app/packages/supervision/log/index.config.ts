export default definePageConfig({ navigationBarTitleText: '记录执法活动' });

export default definePageConfig({ navigationBarTitleText: '数据工作台' });

export default definePageConfig({ navigationBarTitleText: '年度汇总' });

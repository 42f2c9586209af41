export default definePageConfig({ navigationBarTitleText: '传播效果' });

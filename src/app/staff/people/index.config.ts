export default definePageConfig({ navigationBarTitleText: '监督员与网格员' });

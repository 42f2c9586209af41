export default definePageConfig({ navigationBarTitleText: '修改题目' });

export default definePageConfig({ navigationBarTitleText: '知识竞赛', enableShareAppMessage: true });

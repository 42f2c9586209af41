// `@tarojs/taro` as Taro's H5 build resolves it: the H5 APIs plus the React hooks.
export * from '@tarojs/taro-h5';
export { default } from '@tarojs/taro-h5';
export {
  useDidHide,
  useDidShow,
  useLoad,
  usePullDownRefresh,
  useReady,
  useRouter,
  useShareAppMessage,
  useShareTimeline,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime';

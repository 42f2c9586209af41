// Taro's React runtime ships without types; the test shims use only these entries of it.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type React from 'react';
  import type ReactDOM from 'react-dom';

  export function createH5NativeComponentConfig(
    component: () => null,
    react: typeof React,
    reactDOM: typeof ReactDOM,
  ): unknown;
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
  } from '@tarojs/taro';
}

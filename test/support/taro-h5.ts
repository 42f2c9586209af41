// `@tarojs/taro` as Taro's H5 build resolves it: the H5 APIs plus the React hooks. The build rewrites
// `Taro.api()` into named imports; here the default export carries every API instead.
import * as taroH5 from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';
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

const Taro = { ...(taroH5 as unknown as { default: object }).default, ...taroH5 };
export default Taro;

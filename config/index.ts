import path from 'node:path';
// Types only: importing values from @tarojs/cli would load its native binding, published for linux-x64 alone.
import type { UserConfigExport, UserConfigFn } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const coreDir = path.join(root, 'src', 'core');
const babelConfigFile = path.join(__dirname, 'babel.config.js');

/** Where the app finds the API: a build-time choice, `TARO_APP_API_BASE` overriding per-platform defaults. */
function apiBase(): string {
  if (process.env.TARO_APP_API_BASE) return process.env.TARO_APP_API_BASE;
  return process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:3000/api';
}

type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];

/** The babel config lives in config/ rather than at the top level, so babel-loader is told where. */
function useProjectBabelConfig(chain: WebpackChain): void {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
  chain.module
    .rule('script')
    .use('babelLoader')
    .tap((options: Record<string, unknown>) => ({ ...options, configFile: babelConfigFile, babelrc: false }));
}

const config: UserConfigFn<'webpack5'> = async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fazhi-yizhan',
    date: '2026-11-26',
    // NutUI is drawn for a 375 px wide screen, our own styles for 750.
    designWidth(input) {
      if (typeof input === 'object' && input?.file?.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src/app',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { API_BASE: JSON.stringify(apiBase()) },
    alias: { '@core': coreDir },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling these would ship a second, full copy of them in watch builds.
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro', 'zod'] },
    },
    cache: { enable: false },
    mini: {
      compile: { include: [coreDir] },
      // NutUI's per-component styles have no order among themselves; the warning is noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain: useProjectBabelConfig,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [coreDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain(chain) {
        useProjectBabelConfig(chain);
        // Page chunks would each carry their own copy of the NutUI and Taro code they share.
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            shared: { name: 'shared', test: /[\\/]node_modules[\\/]/, priority: 10, reuseExistingChunk: true },
          },
        });
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
};

export default config;

/// <reference types="@tarojs/taro" />

declare module '*.scss';

/** The API's base URL, fixed at build time (config/index.ts). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}

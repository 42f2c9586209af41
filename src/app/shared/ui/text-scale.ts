import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** 关怀模式: large text for elderly readers, app-wide. */
export type TextScale = 'standard' | 'large';

const STORAGE_KEY = 'display.textScale';
const listeners = new Set<(scale: TextScale) => void>();

/** A phone whose WeChat font is set larger than standard gets large text until the person chooses. */
function wechatPrefersLarge(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    // WeChat reports it (base library 3.x); Taro's typing does not list it yet.
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number };
    return (info.fontSizeScaleFactor ?? 1) > 1;
  } catch {
    return false;
  }
}

export function currentTextScale(): TextScale {
  const chosen = Taro.getStorageSync(STORAGE_KEY);
  if (chosen === 'standard' || chosen === 'large') return chosen;
  return wechatPrefersLarge() ? 'large' : 'standard';
}

export function chooseTextScale(scale: TextScale): void {
  Taro.setStorageSync(STORAGE_KEY, scale);
  listeners.forEach((listener) => listener(scale));
}

/** The scale in force; every page that shows it follows a change made on any other. */
export function useTextScale(): TextScale {
  const [scale, setScale] = useState(currentTextScale);
  useEffect(() => {
    listeners.add(setScale);
    return () => {
      listeners.delete(setScale);
    };
  }, []);
  return scale;
}

import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Loads again when the person comes back to the page (from another tab, an item, or the app in the
 * background), but not on its first showing, which is its first load.
 */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });
}

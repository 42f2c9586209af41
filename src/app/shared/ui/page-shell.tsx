import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useTextScale } from './text-scale';

/** Every page's outermost element: it carries the text scale, as CSS variables, to all it holds. */
export function PageShell({ children }: PropsWithChildren) {
  const scale = useTextScale();
  return <View className={`page-shell page-shell--${scale}`}>{children}</View>;
}

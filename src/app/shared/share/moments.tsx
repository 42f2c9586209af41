import { NoticeBar } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './moments.scss';

/** WeChat's scene for a page opened from a Moments post: it runs alone, without login or forms. */
const MOMENTS_SINGLE_PAGE_SCENE = 1154;

function enterScene(): number | null {
  try {
    return (Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync()).scene ?? null;
  } catch {
    // Platforms without launch options (a plain browser) are never Moments single-page mode.
    return null;
  }
}

/** Whether this page was opened from Moments (single-page mode): content may be read, nothing done. */
export function inMomentsSinglePage(): boolean {
  return enterScene() === MOMENTS_SINGLE_PAGE_SCENE;
}

/** Says, in Moments single-page mode only, that taking part needs the full mini-program. */
export function MomentsBanner() {
  if (!inMomentsSinglePage()) return null;
  return <NoticeBar className="moments-banner" wrap content="在朋友圈中只能浏览，点击下方「前往小程序」参与" />;
}

/** What needs a sign-in (forms, sign-up, answering): left out in Moments single-page mode. */
export function OutsideMoments({ children }: PropsWithChildren) {
  return inMomentsSinglePage() ? null : <>{children}</>;
}

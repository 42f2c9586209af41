import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { inMomentsSinglePage } from './moments';

/** The address of an app path in this browser (the H5 build routes by hash). */
export function browserShareUrl(path: string): string {
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

function copyShareLink(path: string) {
  Taro.setClipboardData({ data: browserShareUrl(path) })
    .then(() => Taro.showToast({ title: '链接已复制，可粘贴到微信群', icon: 'none' }))
    .catch(() => Taro.showToast({ title: '复制没有成功，请稍后再试', icon: 'none' }));
}

/**
 * In the mini-program, opens WeChat's share sheet with the page's card; a browser has none, so the
 * card's link (with the sharer's grid and code) is copied for pasting into a group chat instead.
 */
export function ShareButton({ path, label = '分享到微信群', secondary = false }: { path: string; label?: string; secondary?: boolean }) {
  // A page opened from Moments cannot share onwards.
  if (inMomentsSinglePage()) return null;
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button type={secondary ? 'default' : 'primary'} fill={secondary ? 'outline' : 'solid'} size="large" block openType="share">
        {label}
      </Button>
    );
  }
  return (
    <Button
      type={secondary ? 'default' : 'primary'}
      fill={secondary ? 'outline' : 'solid'}
      size="large"
      block
      data-share-path={path}
      onClick={() => copyShareLink(path)}
    >
      复制链接，分享给居民
    </Button>
  );
}

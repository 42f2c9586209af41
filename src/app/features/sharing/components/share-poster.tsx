import { Button } from '@nutui/nutui-react-taro';
import { Canvas, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ShareKind } from '@core/sharing/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { downloadPosterCode } from '../api/sharing-api';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, type PosterContext } from './poster-drawing';
import './sharing.scss';

const CANVAS_ID = 'share-poster';
/** Twice the drawing size, so that the saved image stays sharp when printed or zoomed. */
const OUTPUT_SCALE = 2;

function loadBrowserImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new window.Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('code image'));
    image.src = src;
  });
}

/** In a browser the poster is drawn off screen and shown as an image, ready to download. */
async function drawInBrowser(content: PosterContent, codeFile: string): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH * OUTPUT_SCALE;
  canvas.height = POSTER_HEIGHT * OUTPUT_SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas');
  context.scale(OUTPUT_SCALE, OUTPUT_SCALE);
  drawPoster(context, content, await loadBrowserImage(codeFile));
  return canvas.toDataURL('image/png');
}

/** In the mini-program the poster is drawn on the page's canvas, which is also its preview. */
function drawInMiniProgram(content: PosterContent, codeFile: string): Promise<void> {
  const context = Taro.createCanvasContext(CANVAS_ID);
  drawPoster(context as unknown as PosterContext, content, codeFile);
  return new Promise((resolve) => context.draw(false, () => resolve()));
}

async function saveToAlbum() {
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvasId: CANVAS_ID,
      destWidth: POSTER_WIDTH * OUTPUT_SCALE,
      destHeight: POSTER_HEIGHT * OUTPUT_SCALE,
    });
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (/cancel/.test(message)) return;
    if (/auth|deny/.test(message)) {
      const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许保存到相册，再点保存', confirmText: '去设置' });
      if (confirm) await Taro.openSetting();
      return;
    }
    Taro.showToast({ title: '没有保存成功，请重试', icon: 'none' });
  }
}

function downloadInBrowser(dataUrl: string, title: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `${title}-海报.png`;
  link.click();
}

/**
 * A poster for an event or the session calendar: title, time, place and a code that opens the page (a
 * mini-program code, or a QR code of the H5 address), carrying the grid worker's attribution when they
 * make it. Saved to the album in the mini-program, downloaded in a browser.
 */
export function SharePoster({ kind, itemId, content }: { kind: ShareKind; itemId: string; content: PosterContent }) {
  const [drawn, setDrawn] = useState(false);
  const [browserImage, setBrowserImage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { title, time, place } = content;

  const draw = useCallback(async () => {
    setProblem(null);
    setDrawn(false);
    try {
      const codeFile = await downloadPosterCode(kind, itemId);
      if (process.env.TARO_ENV === 'weapp') await drawInMiniProgram({ title, time, place }, codeFile);
      else setBrowserImage(await drawInBrowser({ title, time, place }, codeFile));
      setDrawn(true);
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '海报没有画出来，请重试');
    }
  }, [kind, itemId, title, time, place]);

  useEffect(() => {
    void draw();
  }, [draw]);

  if (problem) return <ErrorBlock message={problem} onRetry={() => void draw()} />;
  const size = { width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` };
  return (
    <View className="share-poster">
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas canvasId={CANVAS_ID} className="share-poster__canvas" style={size} />
      ) : (
        browserImage && <Image className="share-poster__canvas" src={browserImage} style={size} aria-label="海报" />
      )}
      {!drawn && <LoadingBlock />}
      {drawn && (
        <View className="share-poster__actions">
          {process.env.TARO_ENV === 'weapp' ? (
            <Button type="primary" size="large" block onClick={() => void saveToAlbum()}>
              保存到相册
            </Button>
          ) : (
            <Button type="primary" size="large" block onClick={() => browserImage && downloadInBrowser(browserImage, title)}>
              下载海报图片
            </Button>
          )}
          <View className="share-poster__hint">保存后可发到微信群、朋友圈，或打印张贴</View>
        </View>
      )}
    </View>
  );
}

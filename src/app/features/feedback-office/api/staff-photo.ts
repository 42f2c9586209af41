import Taro from '@tarojs/taro';
import { feedbackContract } from '@core/feedback/contract';
import { apiUrl } from '../../../shared/api/api-client';
import { storedToken } from '../../../shared/api/auth-session';

/** What the page can show: a local path (weapp) or an object URL (H5) that must be released after use. */
export interface LoadedPhoto {
  src: string;
  release: () => void;
}

/**
 * Photos are served only with the staff member's token, which an <image> tag cannot send: the bytes are
 * fetched with it first and shown from the phone's temporary file or the browser's memory.
 */
export async function loadStaffPhoto(photoId: string): Promise<LoadedPhoto> {
  const url = apiUrl(feedbackContract.photo, { params: { photoId } });
  const header = { Authorization: `Bearer ${storedToken('staff') ?? ''}` };
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { headers: header });
    if (!response.ok) throw new Error(`photo ${response.status}`);
    const src = URL.createObjectURL(await response.blob());
    return { src, release: () => URL.revokeObjectURL(src) };
  }
  const downloaded = await Taro.downloadFile({ url, header });
  if (downloaded.statusCode !== 200) throw new Error(`photo ${downloaded.statusCode}`);
  return { src: downloaded.tempFilePath, release: () => undefined };
}

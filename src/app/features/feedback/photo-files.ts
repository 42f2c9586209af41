import Taro from '@tarojs/taro';

// Where photos of submissions not yet sent are kept. WeChat's temporary files last only while the
// mini-program runs; a copy in the user data folder lasts until the submission is sent.
const KEPT_PREFIX = 'feedback-pending-';

// A browser keeps about five million characters of storage per site, shared with the app's cached
// pages: photos waiting to be sent may take up to three million of them (about 2.2 MB of pictures).
const BROWSER_KEEP_BUDGET = 3_000_000;

// In a browser a chosen photo is a blob: URL that dies with the page; these are the ones still alive,
// with the file behind each, from which a lasting copy can be made.
const chosenInThisPage = new Map<string, Blob | undefined>();

export function rememberChosenPhoto(path: string, file?: Blob): void {
  chosenInThisPage.set(path, file);
}

const isDataUrl = (path: string) => path.startsWith('data:');

/** `data:image/jpeg;base64,` and the base64 text of `bytes`. */
const dataUrlLength = (bytes: number) => 64 + Math.ceil(bytes / 3) * 4;

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function keepInUserData(path: string, name: string): string {
  if (path.includes(KEPT_PREFIX)) return path;
  const extension = /\.[A-Za-z0-9]+$/.exec(path)?.[0] ?? '.jpg';
  const kept = `${Taro.env.USER_DATA_PATH}/${KEPT_PREFIX}${name}${extension}`;
  try {
    Taro.getFileSystemManager().copyFileSync(path, kept);
    return kept;
  } catch {
    // The phone's storage is full: the temporary file still serves for as long as the app runs.
    return path;
  }
}

/**
 * Copies of photos that outlive this run of the app: a file in the user data folder in WeChat; in a
 * browser, the picture itself as a data URL saved with the submission, while `alreadyKept` (the
 * photos of the other submissions waiting) leaves room for it. A photo that cannot be copied keeps
 * its path, which serves for as long as the app (or page) stays open.
 */
export async function keepPhotos(paths: string[], name: string, alreadyKept: string[]): Promise<string[]> {
  if (process.env.TARO_ENV === 'weapp') return paths.map((path, index) => keepInUserData(path, `${name}-${index}`));
  let room = BROWSER_KEEP_BUDGET - alreadyKept.filter(isDataUrl).reduce((sum, path) => sum + path.length, 0);
  const kept: string[] = [];
  for (const path of paths) {
    const file = chosenInThisPage.get(path);
    if (!file || dataUrlLength(file.size) > room) {
      kept.push(path);
      continue;
    }
    try {
      const dataUrl = await readAsDataUrl(file);
      room -= dataUrl.length;
      kept.push(dataUrl);
    } catch {
      kept.push(path);
    }
  }
  return kept;
}

/** Whether the photo can still be read from the phone for uploading. */
export function photoReadable(path: string): boolean {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      Taro.getFileSystemManager().accessSync(path);
      return true;
    } catch {
      return false;
    }
  }
  return !path.startsWith('blob:') || chosenInThisPage.has(path);
}

/** Removes a kept copy once its submission has gone (or been given up). */
export function discardKeptPhoto(path: string): void {
  if (process.env.TARO_ENV !== 'weapp' || !path.includes(KEPT_PREFIX)) return;
  try {
    Taro.getFileSystemManager().unlinkSync(path);
  } catch {
    // Already gone: nothing to free.
  }
}

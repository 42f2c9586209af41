import Taro from '@tarojs/taro';

// Where photos of submissions not yet sent are kept. WeChat's temporary files last only while the
// mini-program runs; a copy in the user data folder lasts until the submission is sent.
const KEPT_PREFIX = 'feedback-pending-';

// In a browser a chosen photo is a blob: URL that dies with the page; these are the ones still alive.
const chosenInThisPage = new Set<string>();

export function rememberChosenPhoto(path: string): void {
  chosenInThisPage.add(path);
}

/** A copy of the photo that outlives this run of the app, where the platform allows one. */
export function keepPhoto(path: string, name: string): string {
  if (process.env.TARO_ENV !== 'weapp' || path.includes(KEPT_PREFIX)) return path;
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

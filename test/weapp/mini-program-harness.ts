import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { WeChatConfig } from '../../src/server/features/identity/wechat-client';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { useListeningTestApp, type ListeningTestApp, type TestAppOptions } from '../support/test-app';

/** The compiled mini-program, as `npm run build:weapp` leaves it. */
export const weappDir = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

/** The API origin compiled into the weapp build by default (config/index.ts). */
const BUILT_API_ORIGIN = 'http://127.0.0.1:3000';

type FakeWeChatServerOptions = Omit<TestAppOptions, 'wechat'> & Pick<WeChatConfig, 'templates'>;
type ServerWithFakeWeChat = ListeningTestApp & { wechat: FakeWeChat };

/**
 * The real server for the whole test file, with the mini-program's credentials and a local fake of
 * WeChat's servers behind them, where its users sign in and its subscribe messages go.
 */
export function useServerWithFakeWeChat({ templates, ...options }: FakeWeChatServerOptions = {}): () => ServerWithFakeWeChat {
  let wechat: FakeWeChat | undefined;
  const started = () => {
    if (!wechat) throw new Error('The fake WeChat is not running yet');
    return wechat;
  };
  beforeAll(async () => {
    wechat = await startFakeWeChat();
  });
  afterAll(() => wechat?.close());
  const server = useListeningTestApp(() => ({
    ...options,
    wechat: { apiBase: started().apiBase, appId: FAKE_APPID, secret: FAKE_SECRET, ...(templates && { templates }) },
  }));
  return () => ({ ...server(), wechat: started() });
}

type WxCallbacks = {
  success?: (result: unknown) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: (result: unknown) => void;
};

type RequestOptions = WxCallbacks & {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  dataType?: string;
};

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

/**
 * `wx.request` as the real client does it: an HTTP call to a server, here the test's own, reached at
 * `origin` instead of the address compiled into the build.
 */
export function requestThrough(origin: string) {
  return (options: RequestOptions) => {
    const url = options.url.replace(BUILT_API_ORIGIN, origin);
    const method = options.method ?? 'GET';
    const body = method === 'GET' || options.data === undefined ? undefined : JSON.stringify(options.data);
    fetch(url, { method, headers: { 'content-type': 'application/json', ...options.header }, body })
      .then(async (response) => {
        const text = await response.text();
        let data: unknown = text;
        if (options.dataType !== 'text') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
        const result = { data, statusCode: response.status, header: Object.fromEntries(response.headers), errMsg: 'request:ok' };
        options.success?.(result);
        options.complete?.(result);
      })
      .catch((error: Error) => {
        const failure = { errMsg: `request:fail ${error.message}` };
        options.fail?.(failure);
        options.complete?.(failure);
      });
    return { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
  };
}

type UploadOptions = WxCallbacks & {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
};

/**
 * `wx.uploadFile` as the real client does it: the file at `filePath` on the phone (here, on disk) sent
 * as one multipart form field to the test's own server, reached at `origin`.
 */
export function uploadFileThrough(origin: string) {
  return (options: UploadOptions) => {
    const boundary = `----weapp-upload-${Date.now()}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${path.basename(options.filePath)}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    Promise.resolve()
      .then(() => Buffer.concat([Buffer.from(head), fs.readFileSync(options.filePath), Buffer.from(`\r\n--${boundary}--\r\n`)]))
      .then((body) =>
        fetch(options.url.replace(BUILT_API_ORIGIN, origin), {
          method: 'POST',
          headers: { ...options.header, 'content-type': `multipart/form-data; boundary=${boundary}` },
          body,
        }),
      )
      .then(async (response) => {
        // WeChat hands the body back as text.
        const result = { data: await response.text(), statusCode: response.status, errMsg: 'uploadFile:ok' };
        options.success?.(result);
        options.complete?.(result);
      })
      .catch((error: Error) => {
        const failure = { errMsg: `uploadFile:fail ${error.message}` };
        options.fail?.(failure);
        options.complete?.(failure);
      });
    return { abort: () => undefined, onProgressUpdate: () => undefined, offProgressUpdate: () => undefined };
  };
}

/** `wx`'s storage calls, kept in `storage`, where the test reads what the phone keeps. */
export function storageIn(storage: Map<string, unknown>) {
  return {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
    setStorage: (options: { key: string; data: unknown; success?: () => void }) => {
      storage.set(options.key, options.data);
      options.success?.();
    },
  };
}

/**
 * Turns a Taro page definition into a component that miniprogram-simulate can render: the page's
 * functions become methods, and its life cycle follows the component's.
 */
function pageAsComponent(route: string, options: PageOptions, pages: unknown[], query: Record<string, string>) {
  const methods: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') methods[key] = value;
  }
  type PageInstance = Record<string, (arg?: unknown) => void> & { route: string };
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.route = route;
        pages.push(this);
        this.onLoad?.(query);
        this.onShow?.();
      },
      ready(this: PageInstance) {
        this.onReady?.();
      },
      detached(this: PageInstance) {
        this.onUnload?.();
      },
    },
  };
}

/** Loads the compiled app and renders one page of it, opened with `query`, attached to a document body. */
export function renderCompiledPage(route: string, wxApis: Record<string, unknown>, query: Record<string, string> = {}) {
  const pages: unknown[] = [];
  let app: Record<string, (arg?: unknown) => void> | undefined;
  const globals = globalThis as Record<string, unknown>;
  globals.getCurrentPages = () => pages;
  globals.App = (options: Record<string, (arg?: unknown) => void>) => {
    app = options;
  };
  globals.getApp = () => app;
  globals.Page = (options: PageOptions) =>
    (globals.Component as (definition: unknown) => void)(pageAsComponent(route, options, pages, query));
  // miniprogram-simulate installs its own `wx` when it loads a component; ours is merged over it.
  globals.wx = { ...(globals.wx as object), ...wxApis };

  require(path.join(weappDir, 'app.js'));
  app?.onLaunch?.({ path: route, query, scene: 1001 });
  app?.onShow?.({ path: route, query, scene: 1001 });

  const page = simulate.render(simulate.load(path.join(weappDir, route), { rootPath: weappDir }));
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** React renders into the page asynchronously: poll until `condition` holds. */
export async function waitFor(condition: () => boolean, describe = () => 'condition', timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function waitForText(page: { dom?: Element }, text: string): Promise<void> {
  return waitFor(
    () => Boolean(page.dom?.textContent?.includes(text)),
    () => `"${text}"; the page shows: ${page.dom?.textContent}`,
  );
}

/** Taps the element matching `selector` whose text is `text`, as a finger would. */
export function tapText(page: ReturnType<typeof renderCompiledPage>, selector: string, text: string) {
  const element = page.querySelectorAll(selector).find((e) => e.dom?.textContent?.trim() === text);
  if (!element) throw new Error(`no ${selector} "${text}" on the page`);
  element.dispatchEvent('tap');
}

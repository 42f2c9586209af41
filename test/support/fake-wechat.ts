import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's servers, speaking their HTTP API: GET /sns/jscode2session answers
 * 200 with a JSON body carrying either openid and session_key or errcode and errmsg, as WeChat does.
 * A code `ok-<openid>` signs that openid in; the error codes are reached by the codes below, and
 * `gateway-page` answers as a broken proxy in front of WeChat would.
 */
export const FAKE_APPID = 'wx0123456789abcdef';
export const FAKE_SECRET = 'fake-secret-0123456789abcdef';

const ERROR_CODES: Record<string, { errcode: number; errmsg: string }> = {
  'used-code': { errcode: 40029, errmsg: 'invalid code, rid: 6543a1b2-1a2b3c4d-5e6f7a8b' },
  'too-fast': { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute, rid: 1' },
  'risky-user': { errcode: 40226, errmsg: 'high risk level user, rid: 2' },
  'system-busy': { errcode: -1, errmsg: 'system error, rid: 3' },
  'odd-error': { errcode: 40999, errmsg: 'an error this client has no words for' },
};

export interface FakeWeChat {
  apiBase: string;
  requests: URLSearchParams[];
  close: () => Promise<void>;
}

export async function startFakeWeChat(): Promise<FakeWeChat> {
  const requests: URLSearchParams[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const answer = (body: object) => {
      // WeChat labels this JSON as text/plain.
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') {
      response.writeHead(404).end();
      return;
    }
    requests.push(url.searchParams);
    const q = url.searchParams;
    if (q.get('appid') !== FAKE_APPID) return answer({ errcode: 40013, errmsg: 'invalid appid' });
    if (q.get('secret') !== FAKE_SECRET) return answer({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (q.get('grant_type') !== 'authorization_code') return answer({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = q.get('js_code') ?? '';
    if (ERROR_CODES[code]) return answer(ERROR_CODES[code]);
    if (code === 'gateway-page') {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (code.startsWith('ok-')) return answer({ openid: code.slice(3), session_key: 'c2Vzc2lvbi1rZXktZmFrZQ==' });
    return answer({ errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

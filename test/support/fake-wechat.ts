import http from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import sharp from 'sharp';

/**
 * A local stand-in for WeChat's servers, speaking their HTTP API: GET /sns/jscode2session answers
 * 200 with a JSON body carrying either openid and session_key or errcode and errmsg, as WeChat does.
 * A code `ok-<openid>` signs that openid in; the error codes are reached by the codes below, and
 * `gateway-page` answers as a broken proxy in front of WeChat would.
 *
 * Subscribe messages: GET /cgi-bin/token gives an access token for the right appid and secret;
 * POST /cgi-bin/message/subscribe/send takes a message with a token it gave (and has not revoked)
 * and records it, except for a recipient whose openid starts with `busy-`, which answers errcode -1
 * (system busy) as WeChat does when it cannot take a message now.
 *
 * Mini-program codes: POST /wxa/getwxacodeunlimit with a token it gave records the request and answers
 * a JPEG image, as WeChat does, of a QR code reading `wxacode:<page>?scene=<scene>` (a stand-in for the
 * round mini-program code, which no library reads); a scene over 32 characters answers errcode 40169.
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

export interface SentSubscribeMessage {
  accessToken: string;
  body: { touser: string; template_id: string; page: string; data: Record<string, { value: string }>; lang?: string };
}

export interface CodeRequest {
  accessToken: string;
  body: { scene: string; page: string; check_path?: boolean; env_version?: string };
}

export interface FakeWeChat {
  apiBase: string;
  /** The jscode2session requests. */
  requests: URLSearchParams[];
  tokenRequests: URLSearchParams[];
  /** Every message WeChat took (answered errcode 0). */
  messages: SentSubscribeMessage[];
  /** Every mini-program code made. */
  codeRequests: CodeRequest[];
  /** Makes every token given so far invalid, as when it expires or another server renews it. */
  revokeAccessTokens: () => void;
  close: () => Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startFakeWeChat(): Promise<FakeWeChat> {
  const requests: URLSearchParams[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const messages: SentSubscribeMessage[] = [];
  const codeRequests: CodeRequest[] = [];
  const validTokens = new Set<string>();
  let tokensIssued = 0;
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const answer = (body: object) => {
      // WeChat labels this JSON as text/plain.
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token' && request.method === 'GET') {
      tokenRequests.push(url.searchParams);
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential') return answer({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.get('appid') !== FAKE_APPID) return answer({ errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== FAKE_SECRET) return answer({ errcode: 40125, errmsg: 'invalid appsecret' });
      tokensIssued += 1;
      const token = `fake-access-token-${tokensIssued}`;
      validTokens.add(token);
      return answer({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && request.method === 'POST') {
      const accessToken = url.searchParams.get('access_token') ?? '';
      const body = JSON.parse(await readBody(request)) as SentSubscribeMessage['body'];
      if (!validTokens.has(accessToken)) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body.touser.startsWith('busy-')) return answer({ errcode: -1, errmsg: 'system error' });
      messages.push({ accessToken, body });
      return answer({ errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname === '/wxa/getwxacodeunlimit' && request.method === 'POST') {
      const accessToken = url.searchParams.get('access_token') ?? '';
      const body = JSON.parse(await readBody(request)) as CodeRequest['body'];
      if (!validTokens.has(accessToken)) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body.scene.length > 32) return answer({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
      codeRequests.push({ accessToken, body });
      const qr = await QRCode.toBuffer(`wxacode:${body.page}?scene=${body.scene}`, { type: 'png', width: 280, margin: 2 });
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      response.end(await sharp(qr).jpeg({ quality: 95 }).toBuffer());
      return;
    }
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
    tokenRequests,
    messages,
    codeRequests,
    revokeAccessTokens: () => validTokens.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

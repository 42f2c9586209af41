import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES } from '../../src/core/feedback/schemas';
import { issueToken } from '../../src/server/features/identity/tokens';
import { newId } from '../../src/server/shared/secrets';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

const now = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ now: () => now });
});

afterAll(() => testApp.close());

const db = () => testApp.database.handle.db;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function resident(): Promise<string> {
  const response = await testApp.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} });
  return response.json().token as string;
}

async function staff(): Promise<string> {
  const id = newId();
  await db()
    .insertInto('staffAccount')
    .values({ id, username: `desk-${id.slice(0, 8)}`, displayName: '张科员', role: 'staff', passwordHash: 'x', mustChangePassword: 0, createdAt: now.toISOString() })
    .execute();
  return (await issueToken(db(), { kind: 'staff', id }, now)).token;
}

const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});

async function upload(token: string, bytes: Buffer, declaredType: string, fileName: string, field = 'photo') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type: declaredType }), fileName);
  const response = await testApp.app.inject({ method: 'POST', url: '/api/feedback/photos', headers: auth(token), payload: form });
  return { status: response.statusCode, body: response.json() };
}

async function fetchPhoto(id: string, token?: string) {
  return testApp.app.inject({ method: 'GET', url: `/api/feedback/photos/${id}`, headers: auth(token) });
}

const picture = (width = 24, height = 16) => sharp({ create: { width, height, channels: 3, background: '#b71c1c' } });

/** A phone photo taken sideways at the red station, with its GPS position in the EXIF. */
function geotaggedJpeg(): Promise<Buffer> {
  return picture(40, 20)
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Camera 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 4/1 46/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 8/1 22/1' },
    })
    .jpeg()
    .toBuffer();
}

const uploadCount = async () => (await db().selectFrom('photoUpload').select('photoId').execute()).length;

describe('uploading', () => {
  test('a geotagged JPEG is stored upright with no metadata left, named by the hash of what is stored', async () => {
    const original = await geotaggedJpeg();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);

    const token = await resident();
    const response = await upload(token, original, 'image/jpeg', 'IMG_2041.JPG');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{64}$/), mediaType: 'image/jpeg', bytes: expect.any(Number) });

    const served = await fetchPhoto(response.body.id, token);
    expect(served.statusCode).toBe(200);
    const stored = served.rawPayload;
    expect(sha256(stored)).toBe(response.body.id);
    expect(stored.length).toBe(response.body.bytes);
    const after = await sharp(stored).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // Turned as the EXIF orientation said, so that it still shows upright without it.
    expect([after.width, after.height]).toEqual([20, 40]);
  });

  test('a PNG named .jpg and declared as JPEG is stored and served as the PNG it is', async () => {
    const token = await resident();
    const png = await picture().png().toBuffer();
    const response = await upload(token, png, 'image/jpeg', 'photo.jpg');
    expect(response.status).toBe(200);
    expect(response.body.mediaType).toBe('image/png');
    const served = await fetchPhoto(response.body.id, token);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await sharp(served.rawPayload).metadata()).format).toBe('png');
  });

  test('a WebP photo is accepted as WebP', async () => {
    const token = await resident();
    const response = await upload(token, await picture().webp().toBuffer(), 'application/octet-stream', 'blob');
    expect(response.status).toBe(200);
    expect(response.body.mediaType).toBe('image/webp');
  });

  test.each<[string, () => Promise<Buffer> | Buffer, string, number, string]>([
    ['a text file declared as JPEG', () => Buffer.from('这不是照片，只是一段文字。'), 'image/jpeg', 415, '只能上传 JPEG、PNG 或 WebP 格式的照片'],
    ['a GIF', () => picture().gif().toBuffer(), 'image/gif', 415, '只能上传 JPEG、PNG 或 WebP 格式的照片'],
    ['an SVG declared as PNG', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 415, '只能上传 JPEG、PNG 或 WebP 格式的照片'],
    [
      'a JPEG cut off halfway',
      async () => {
        const whole = await picture(200, 200).jpeg().toBuffer();
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
      'image/jpeg',
      400,
      '照片已损坏或不是图片',
    ],
    ['JPEG magic followed by noise', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'image/jpeg', 400, '照片已损坏或不是图片'],
    ['an empty file', () => Buffer.alloc(0), 'image/jpeg', 415, '只能上传 JPEG、PNG 或 WebP 格式的照片'],
  ])('%s is refused with a clear message and nothing is kept', async (_what, make, declared, status, message) => {
    const before = await uploadCount();
    const response = await upload(await resident(), await make(), declared, 'photo.jpg');
    expect(response.status).toBe(status);
    expect(response.body.message).toBe(message);
    expect(await uploadCount()).toBe(before);
  });

  test('a file over 10 MB is cut off and answered 413', async () => {
    const oversize = Buffer.concat([await picture().jpeg().toBuffer(), Buffer.alloc(MAX_PHOTO_BYTES, 0)]);
    const before = await uploadCount();
    const response = await upload(await resident(), oversize, 'image/jpeg', 'huge.jpg');
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: 'PHOTO_TOO_LARGE', message: '照片不能超过 10 MB，请压缩后再上传' });
    expect(await uploadCount()).toBe(before);
  });

  test('a body that is not a form is told how to send one', async () => {
    const token = await resident();
    for (const [contentType, payload] of [
      ['application/json', JSON.stringify({ photo: 'base64…' })],
      ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ] as const) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/feedback/photos',
        headers: { ...auth(token), 'content-type': contentType },
        payload,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual({ code: 'PHOTO_FORM_REQUIRED', message: '请以表单（multipart/form-data）上传照片，文件字段名为 photo' });
    }
  });

  test('a form with the photo under another name, or with no file, says what is missing', async () => {
    const token = await resident();
    const misnamed = await upload(token, await picture().jpeg().toBuffer(), 'image/jpeg', 'a.jpg', 'file');
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.message).toBe('照片应放在表单字段 photo 中');
    const form = new FormData();
    form.append('note', '只有文字');
    const empty = await testApp.app.inject({ method: 'POST', url: '/api/feedback/photos', headers: auth(token), payload: form });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('没有收到照片，请重新选择');
  });

  test('without signing in, nothing can be uploaded', async () => {
    const form = new FormData();
    form.append('photo', new Blob([await picture().jpeg().toBuffer()], { type: 'image/jpeg' }), 'a.jpg');
    const response = await testApp.app.inject({ method: 'POST', url: '/api/feedback/photos', payload: form });
    expect(response.statusCode).toBe(401);
  });

  test('the same picture uploaded twice is one photo, and each uploader may use it', async () => {
    const bytes = await picture(30, 30).png().toBuffer();
    const first = await resident();
    const second = await resident();
    const a = await upload(first, bytes, 'image/png', 'a.png');
    const b = await upload(first, bytes, 'image/png', 'a.png');
    const c = await upload(second, bytes, 'image/png', 'b.png');
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    const rows = await db().selectFrom('photoUpload').select('userId').where('photoId', '=', a.body.id).execute();
    expect(rows).toHaveLength(2);
    expect((await fetchPhoto(a.body.id, second)).statusCode).toBe(200);
  });
});

describe('who may see a photo', () => {
  let owner: string;
  let photoId: string;

  beforeAll(async () => {
    owner = await resident();
    photoId = (await upload(owner, await picture(12, 12).jpeg().toBuffer(), 'image/jpeg', 'a.jpg')).body.id;
    const submitted = await testApp.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: auth(owner),
      payload: {
        clientId: randomUUID(),
        stationId: firstStation.id,
        kind: 'complaint',
        categoryId: 'environment',
        content: '河边倾倒建筑垃圾，照片为证。',
        photoIds: [photoId],
        anonymous: true,
      },
    });
    expect(submitted.statusCode).toBe(200);
  });

  test('its uploader, who submitted it, sees it, privately cached and with its type', async () => {
    const response = await fetchPhoto(photoId, owner);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['cache-control']).toMatch(/^private\b/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test('the office sees it, even on an anonymous item', async () => {
    const response = await fetchPhoto(photoId, await staff());
    expect(response.statusCode).toBe(200);
    expect(sha256(response.rawPayload)).toBe(photoId);
  });

  test('another resident is told it does not exist, exactly as for a photo that does not', async () => {
    const stranger = await resident();
    const hidden = await fetchPhoto(photoId, stranger);
    const missing = await fetchPhoto('f'.repeat(64), stranger);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual({ code: 'PHOTO_NOT_FOUND', message: '找不到这张照片' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(hidden.json());
  });

  test('without signing in it is refused, and a malformed id is a 400', async () => {
    expect((await fetchPhoto(photoId)).statusCode).toBe(401);
    const malformed = await fetchPhoto('..%2F..%2Fetc%2Fpasswd', owner);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toBe('照片编号格式不对');
  });
});

test('one person uploading more photos in an hour than nine per allowed submission is told to wait; others are not held up', async () => {
  // One submission an hour, of up to nine photos: nine uploads an hour.
  const limited = await createTestApp({ now: () => now, feedbackPerHour: 1 });
  try {
    const guest = async () => (await limited.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })).json().token as string;
    const send = async (token: string, seed: number) => {
      const form = new FormData();
      const bytes = await picture(8 + seed, 8).jpeg().toBuffer();
      form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), `p${seed}.jpg`);
      const response = await limited.app.inject({ method: 'POST', url: '/api/feedback/photos', headers: auth(token), payload: form });
      return { status: response.statusCode, body: response.json() };
    };
    const stored = async () => (await limited.database.handle.db.selectFrom('photoUpload').select('photoId').execute()).length;
    const eager = await guest();
    const statuses = [];
    for (let seed = 0; seed < 9; seed += 1) statuses.push((await send(eager, seed)).status);
    expect(statuses).toEqual(Array(9).fill(200));
    const refused = await send(eager, 9);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) });
    expect(await stored()).toBe(9);
    expect((await send(await guest(), 9)).status).toBe(200);
  } finally {
    await limited.close();
  }
});

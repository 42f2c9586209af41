import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { SubmitFeedbackInput } from '../../src/core/feedback/schemas';
import { apiCaller } from './sign-in';
import type { TestApp } from './test-app';
import { firstStation } from './town-fixture';

/**
 * Submits an item through the real resident route, as the app would: a fresh client id, the first
 * station, a complaint about city management unless the test says otherwise. Answers the item as
 * its submitter reads it.
 */
export async function submitItem(testApp: TestApp, token: string, fields: Partial<SubmitFeedbackInput> = {}) {
  const answer = await apiCaller(testApp)({
    method: 'POST',
    url: '/feedback',
    token,
    body: {
      clientId: randomUUID(),
      stationId: firstStation.id,
      kind: 'complaint',
      categoryId: 'city-management',
      content: '菜市场门口每天早上都有占道经营，车辆无法通行。',
      ...fields,
    },
  });
  if (answer.status !== 200) throw new Error(`Submission failed: ${answer.raw}`);
  return answer.body as { id: string; status: string; session: { originalDate: string } };
}

/** A small real JPEG, different for each seed, so that each upload is a photo of its own. */
export async function jpegPhoto(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: { r: seed % 256, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** Uploads a photo through the real multipart route and answers its id. */
export async function uploadPhoto(testApp: TestApp, token: string, bytes: Buffer): Promise<string> {
  const boundary = `----fixture${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/feedback/photos',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  if (response.statusCode !== 200) throw new Error(`Photo upload failed: ${response.body}`);
  return response.json().id;
}

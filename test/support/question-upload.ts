import type { TestApp } from './test-app';

/** A bank file as a desk browser's form sends it to the import route: one multipart field. */
export async function uploadQuestionFile(testApp: TestApp, token: string, fileName: string, bytes: Buffer, field = 'file') {
  const boundary = '----quiz-import-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/staff/quiz/imports',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

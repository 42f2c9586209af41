import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-h5-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>法治驿站</title>');
  fs.mkdirSync(path.join(h5Dir, 'js'));
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), 'console.info(1)');
  testApp = await createTestApp({ h5Dir });
});

afterAll(async () => {
  await testApp.close();
  fs.rmSync(h5Dir, { recursive: true, force: true });
});

const get = (url: string) => testApp.app.inject({ method: 'GET', url });

test('GET /api/health names the database it runs on', async () => {
  const response = await get('/api/health');
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({
    status: 'ok',
    database: process.env.TEST_DATABASE,
    version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
  });
});

test('an unknown address answers JSON 404 in Chinese', async () => {
  const response = await get('/api/nothing-here?x=1');
  expect(response.statusCode).toBe(404);
  expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '找不到这个地址：GET /api/nothing-here' });
});

test('a malformed URL or body gets the same JSON shape in Chinese', async () => {
  const badUrl = await get('/api/stations/%E0%A4%A/sessions/upcoming');
  expect(badUrl.statusCode).toBe(400);
  expect(badUrl.json()).toEqual({ code: 'BAD_REQUEST', message: '网址格式不对，请检查链接是否完整' });
  const badJson = await testApp.app.inject({
    method: 'POST',
    url: '/api/auth/guest',
    headers: { 'content-type': 'application/json' },
    payload: '{not json',
  });
  expect(badJson.statusCode).toBe(400);
  expect(badJson.json()).toEqual({ code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' });
});

test('an unexpected failure answers 500 without any detail of the server', async () => {
  const broken = await createTestApp();
  await broken.database.handle.db.destroy();
  const response = await broken.app.inject({ method: 'GET', url: '/api/stations' });
  expect(response.statusCode).toBe(500);
  expect(response.json()).toEqual({ code: 'INTERNAL_ERROR', message: '服务暂时出了问题，请稍后再试' });
  await broken.database.drop();
});

test('the OpenAPI document is generated from the contract schemas', async () => {
  const response = await get('/api/docs/json');
  expect(response.statusCode).toBe(200);
  const document = response.json();
  const upcoming = document.paths['/api/stations/{stationId}/sessions/upcoming'].get;
  expect(upcoming.summary).toContain('接下来的 N 次接待日');
  const count = upcoming.parameters.find((p: { name: string }) => p.name === 'count');
  expect(count).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 24, default: 6 } });
  const session = upcoming.responses['200'].content['application/json'].schema.properties.sessions.items;
  expect(session.properties.status.enum).toEqual(['scheduled', 'cancelled', 'moved']);
  expect(document.paths['/api/stations/{stationId}/sessions/{date}/calendar.ics'].get.responses['200']).toBeUndefined();
});

test('the docs page is served', async () => {
  const response = await get('/api/docs');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/html');
});

test('the H5 build is served at / with caching that suits each file', async () => {
  const index = await get('/');
  expect(index.statusCode).toBe(200);
  expect(index.body).toContain('法治驿站');
  expect(index.headers['cache-control']).toBe('no-cache');
  const asset = await get('/js/app.1a2b3c4d.js');
  expect(asset.statusCode).toBe(200);
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});

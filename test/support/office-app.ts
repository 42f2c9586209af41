// What the office app's component tests share: items and actions through the real HTTP API (people
// sign in through ./app-server), and typing into Taro's H5 fields as a person would.
import { randomUUID } from 'node:crypto';
import { act, fireEvent } from '@testing-library/react';
import type { SubmitFeedbackInput } from '../../src/core/feedback/schemas';
import { callApi } from './app-server';
import { firstStation } from './town-fixture';

/** A photo through the real upload route, as `Taro.uploadFile` sends it: one multipart field `photo`. */
export async function uploadPhoto(apiBase: string, token: string, bytes: Buffer, mediaType: string): Promise<{ id: string }> {
  const boundary = `----office-test-${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo"\r\nContent-Type: ${mediaType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await fetch(`${apiBase}/feedback/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`photo upload → ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** One item through the real submit route, as a resident's form would send it. */
export async function submitFeedback(apiBase: string, token: string, fields: Partial<SubmitFeedbackInput> = {}): Promise<{ id: string }> {
  return callApi(apiBase, 'POST', '/feedback', token, {
    clientId: randomUUID(),
    stationId: firstStation.id,
    kind: 'complaint',
    categoryId: 'city-management',
    content: '菜市场门口天天有人占道经营，车过不去。',
    ...fields,
  });
}

/** What another colleague does at the same time, straight through the API. */
export function staffAction(apiBase: string, token: string, id: string, body: object) {
  return callApi(apiBase, 'POST', `/staff/feedback/${id}/actions`, token, body);
}

export function staffItem(apiBase: string, token: string, id: string) {
  return callApi(apiBase, 'GET', `/staff/feedback/${id}`, token);
}

export function closeSessionAs(apiBase: string, token: string, stationId: string, date: string, note: string | null) {
  return callApi(apiBase, 'POST', `/staff/stations/${stationId}/sessions/${date}/close`, token, { note });
}

/** Taro's H5 fields upgrade to native ones asynchronously: wait for the element, then type into it. */
async function nativeField<T extends Element>(find: () => T | null, what: string): Promise<T> {
  for (let i = 0; i < 40; i += 1) {
    const found = find();
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
  }
  throw new Error(`${what} never became a native field`);
}

export async function typeInto(element: Element, value: string) {
  await act(async () => {
    fireEvent.input(element, { target: { value } });
  });
}

/** The single-line field named `name` (shared Field component). */
export async function typeInField(name: string, value: string) {
  const input = await nativeField(() => document.querySelector(`taro-input-core[name="${name}"] input`), `field ${name}`);
  await typeInto(input, value);
}

/** The multi-line field inside the element labelled `label` (TextBox). */
export async function typeInTextBox(box: HTMLElement, value: string) {
  const textarea = await nativeField(() => box.querySelector('textarea'), 'text box');
  await typeInto(textarea, value);
}

export async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyFeedbackDetail, SubmitFeedback } from '@core/feedback/schemas';
import { ApiRequestError } from '../../shared/api/api-client';
import { submitFeedback, uploadPhoto } from './api/feedback-api';
import { discardKeptPhoto, keepPhotos, photoReadable } from './photo-files';

/**
 * The outbox on the phone: a submission is saved here before anything is sent, and stays until the
 * server has it. The server answers a repeated clientId with the first item, so sending again after
 * a lost answer never makes a second one.
 */
const STORAGE_KEY = 'feedback.pending';

/** Waits before each automatic retry: soon at first, then no more often than every quarter hour. */
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 5 * 60_000, 15 * 60_000];

export interface PendingPhoto {
  /** The photo on the phone. */
  path: string;
  /** Set once uploaded, so that a retry does not upload it again. */
  photoId: string | null;
}

export interface PendingSubmission {
  /** The checked submission without its photo ids; `body.clientId` names it. */
  body: Omit<SubmitFeedback, 'photoIds'>;
  photos: PendingPhoto[];
  /** Where the form said it would go, for the 待发送 card. */
  sessionLabel: string | null;
  savedAt: string;
  attempts: number;
  nextAttemptAt: number | null;
  /** What went wrong last time (network, server busy), shown beside 待发送. */
  lastProblem: string | null;
  /** Why the server refused it (a 4xx other than 429): it waits for the resident to change it. */
  refusal: string | null;
}

export type SendOutcome =
  | { kind: 'sent'; item: MyFeedbackDetail }
  /** Kept on the phone, to be sent again automatically. */
  | { kind: 'kept'; message: string }
  /** Kept on the phone until the resident changes it. */
  | { kind: 'refused'; message: string }
  /** Nothing by that id is waiting (sent meanwhile, or given up). */
  | { kind: 'gone' };

export interface PendingView extends PendingSubmission {
  sending: boolean;
}

const listeners = new Set<() => void>();
const sending = new Map<string, Promise<SendOutcome>>();
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function isPendingSubmission(value: unknown): value is PendingSubmission {
  const entry = value as PendingSubmission | null;
  return typeof entry?.body?.clientId === 'string' && Array.isArray(entry.photos);
}

function readAll(): PendingSubmission[] {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return [];
  }
  return Array.isArray(stored) ? stored.filter(isPendingSubmission) : [];
}

function writeAll(entries: PendingSubmission[]): void {
  Taro.setStorageSync(STORAGE_KEY, entries);
  listeners.forEach((listener) => listener());
}

function find(clientId: string): PendingSubmission | undefined {
  return readAll().find((entry) => entry.body.clientId === clientId);
}

function update(clientId: string, change: (entry: PendingSubmission) => PendingSubmission): void {
  writeAll(readAll().map((entry) => (entry.body.clientId === clientId ? change(entry) : entry)));
}

function remove(clientId: string): void {
  const entry = find(clientId);
  writeAll(readAll().filter((e) => e.body.clientId !== clientId));
  entry?.photos.forEach((photo) => discardKeptPhoto(photo.path));
}

/** Network failures, a busy server (429) and server faults (5xx) pass; anything else the resident must change. */
function worthRetrying(error: ApiRequestError): boolean {
  return error.kind !== 'server' || error.status === null || error.status === 429 || error.status >= 500;
}

function scheduleRetry(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const due = readAll()
    .filter((entry) => !entry.refusal && entry.nextAttemptAt !== null && !sending.has(entry.body.clientId))
    .map((entry) => entry.nextAttemptAt as number);
  if (due.length === 0) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    sendWaiting(Date.now());
  }, Math.max(0, Math.min(...due) - Date.now()));
}

async function attemptSend(clientId: string): Promise<SendOutcome> {
  const entry = find(clientId);
  if (!entry) return { kind: 'gone' };
  try {
    const photoIds: string[] = [];
    for (const [index, photo] of entry.photos.entries()) {
      if (photo.photoId) {
        photoIds.push(photo.photoId);
        continue;
      }
      if (!photoReadable(photo.path)) {
        const message = '有照片已无法从手机上读取，请点“修改”重新选择照片后再发送';
        update(clientId, (e) => ({ ...e, refusal: message }));
        return { kind: 'refused', message };
      }
      const photoId = await uploadPhoto(photo.path);
      photoIds.push(photoId);
      update(clientId, (e) => ({ ...e, photos: e.photos.map((p, i) => (i === index ? { ...p, photoId } : p)) }));
    }
    const item = await submitFeedback({ ...entry.body, photoIds });
    remove(clientId);
    return { kind: 'sent', item };
  } catch (error) {
    const failure = error instanceof ApiRequestError ? error : new ApiRequestError('network', null, '发送没有成功');
    if (!worthRetrying(failure)) {
      update(clientId, (e) => ({ ...e, refusal: failure.message }));
      return { kind: 'refused', message: failure.message };
    }
    update(clientId, (e) => ({
      ...e,
      attempts: e.attempts + 1,
      nextAttemptAt: Date.now() + RETRY_DELAYS_MS[Math.min(e.attempts, RETRY_DELAYS_MS.length - 1)],
      lastProblem: failure.message,
    }));
    return { kind: 'kept', message: failure.message };
  }
}

/** Sends one saved submission now; while it is under way, asking again joins the same attempt. */
export function sendPendingSubmission(clientId: string): Promise<SendOutcome> {
  const underWay = sending.get(clientId);
  if (underWay) return underWay;
  const attempt = attemptSend(clientId).finally(() => {
    sending.delete(clientId);
    listeners.forEach((listener) => listener());
    scheduleRetry();
  });
  sending.set(clientId, attempt);
  listeners.forEach((listener) => listener());
  return attempt;
}

/**
 * Saves a checked submission on the phone (replacing an earlier copy with the same clientId, as when
 * a refused one is changed), with lasting copies of its photos, then sends it.
 */
export async function saveAndSend(
  body: Omit<SubmitFeedback, 'photoIds'>,
  photos: PendingPhoto[],
  sessionLabel: string | null,
): Promise<SendOutcome> {
  const savedAt = new Date();
  const isOther = (entry: PendingSubmission) => entry.body.clientId !== body.clientId;
  const toKeep = photos.filter((photo) => !photo.photoId);
  const keptPaths = await keepPhotos(
    toKeep.map((photo) => photo.path),
    `${body.clientId}-${savedAt.getTime()}`,
    readAll()
      .filter(isOther)
      .flatMap((entry) => entry.photos.map((photo) => photo.path)),
  );
  const kept = photos.map((photo) => (photo.photoId ? photo : { path: keptPaths[toKeep.indexOf(photo)], photoId: null }));
  const saved = (withPhotos: PendingPhoto[]): PendingSubmission => ({
    body,
    photos: withPhotos,
    sessionLabel,
    savedAt: savedAt.toISOString(),
    attempts: 0,
    nextAttemptAt: null,
    lastProblem: null,
    refusal: null,
  });
  // Read again after copying: a waiting submission may have been sent meanwhile.
  const earlier = find(body.clientId);
  const others = readAll().filter(isOther);
  try {
    writeAll([...others, saved(kept)]);
  } catch {
    // The browser's storage is full after all: the photos as chosen still serve while the page is open.
    writeAll([...others, saved(photos)]);
  }
  const nowSaved = find(body.clientId)?.photos ?? [];
  [...(earlier?.photos ?? []), ...kept]
    .filter((photo) => !nowSaved.some((p) => p.path === photo.path))
    .forEach((photo) => discardKeptPhoto(photo.path));
  return sendPendingSubmission(body.clientId);
}

/** Gives up a saved submission, at the resident's request. */
export function discardPendingSubmission(clientId: string): void {
  if (!sending.has(clientId)) remove(clientId);
}

/**
 * Sends every submission waiting to go whose time has come (all of them when `now` is omitted, as
 * when the app is opened again: the network may well be back), and says so when one has gone.
 */
export function sendWaiting(now?: number): void {
  for (const entry of readAll()) {
    if (entry.refusal || (now !== undefined && (entry.nextAttemptAt ?? 0) > now)) continue;
    void sendPendingSubmission(entry.body.clientId).then((outcome) => {
      if (outcome.kind === 'sent') Taro.showToast({ title: '待发送的反馈已发出', icon: 'none' });
    });
  }
}

function snapshot(): PendingView[] {
  return readAll().map((entry) => ({ ...entry, sending: sending.has(entry.body.clientId) }));
}

/** The submissions waiting on this phone, kept current as they are sent. */
export function usePendingSubmissions(): PendingView[] {
  const [entries, setEntries] = useState(snapshot);
  useEffect(() => {
    const listener = () => setEntries(snapshot());
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return entries;
}
